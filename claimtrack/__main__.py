"""`python -m claimtrack` runs the CLI."""

from claimtrack import main

main()
