"""Settings: environment over file over default, with their sources."""

from pathlib import Path

import pytest

from claimtrack.config import SETTINGS, ConfigError, load_settings


def test_precedence_and_sources(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text('organisation = "Fact Desk"\nbidi = "app"\ndenial_link_threshold = 0.5\n', encoding="utf-8")
    env = {"CLAIMTRACK_CONFIG": str(cfg), "CLAIMTRACK_BIDI": "off", "CLAIMTRACK_ANALYST": "amal"}
    s = load_settings(env=env)
    assert s.value("organisation") == "Fact Desk" and s.sources["organisation"].startswith("file")
    assert s.value("bidi") == "off" and s.sources["bidi"] == "env $CLAIMTRACK_BIDI"
    assert s.value("denial_link_threshold") == 0.5
    assert s.value("duplicate_threshold") == 0.6 and s.sources["duplicate_threshold"] == "default"
    assert s.analyst == "amal"


@pytest.mark.parametrize("body,msg", [("bidi = 'sideways'", "bidi must be"), ("colour = 1", "unknown setting"),
                                      ("= broken", "not valid TOML"), ("max_ingest_bytes = 'big'", "must be int")])
def test_bad_config_is_a_clear_error(tmp_path: Path, body: str, msg: str) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=msg):
        load_settings(env={"CLAIMTRACK_CONFIG": str(cfg)})


def test_every_setting_documented() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for s in SETTINGS:
        assert s.doc and s.key in readme and s.env in readme
