"""The publish step as a whole: what it does to the process that runs it."""
import gc
import sys

import pytest

from core.settings import Settings, SettingsError
from pipelines import warehouse


def test_no_cycle_collection_runs_while_publishing(tmp_path):
    """A collection walks the whole process's heap (in a night, all that earlier steps left), so publish pauses it."""
    started = []
    work = warehouse._publish.__code__  # publish's body; the collector is turned back on after it returns

    def callback(phase, info):
        frame = sys._getframe(1)
        while frame is not None and frame.f_code is not work:
            frame = frame.f_back
        if phase == "start" and frame is not None:  # a collection in the middle of the publish's work
            started.append(info["generation"])

    gc.callbacks.append(callback)
    try:
        result = warehouse.publish(Settings(data_dir=tmp_path))
    finally:
        gc.callbacks.remove(callback)
    assert result["tables"]["municipalities"] > 6000  # it did allocate plenty: the whole registry went through
    assert started == []


@pytest.mark.parametrize("enabled", [True, False])
def test_publish_leaves_the_cycle_collector_as_it_found_it(tmp_path, enabled):
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        warehouse.publish(Settings(data_dir=tmp_path))
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_a_failing_publish_turns_the_cycle_collector_back_on(tmp_path):
    (tmp_path / "warehouse.duckdb").mkdir()  # a directory where the warehouse file belongs
    with pytest.raises(SettingsError):
        warehouse.publish(Settings(data_dir=tmp_path))
    assert gc.isenabled()
