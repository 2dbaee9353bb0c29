"""The verdict sounds really reach an audio output: a PulseAudio server with a null sink, recorded
with parec (Debian's pulseaudio and pulseaudio-utils), and the settings page says when there is
no audio output at all."""

from __future__ import annotations

import array
import os
import shutil
import signal
import subprocess
import threading
import time

import pytest

from terminal_app.ui.sounds import RATE, TONES, SoundPlayer, read_pcm

NEEDED = ("pulseaudio", "parec", "pactl")


@pytest.fixture
def pulse(tmp_path, monkeypatch):
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if missing:
        pytest.skip(
            f"no {', '.join(missing)} on this machine (Debian: apt-get install pulseaudio pulseaudio-utils)"
        )
    runtime = tmp_path / "pulse-runtime"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "HOME": str(tmp_path)}
    env.pop("PULSE_SERVER", None)
    started = subprocess.run(
        [
            "pulseaudio",
            "--daemonize=yes",
            "--exit-idle-time=-1",
            "-n",
            "--use-pid-file=yes",
            "--load=module-null-sink sink_name=counter",
            "--load=module-native-protocol-unix",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    deadline = time.monotonic() + 10
    while subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode != 0:
        if time.monotonic() > deadline:
            pytest.skip(f"pulseaudio did not start here: {started.stderr.strip()[-300:]}")
        time.sleep(0.1)
    subprocess.run(["pactl", "set-default-sink", "counter"], env=env, check=True, capture_output=True)
    for key in ("XDG_RUNTIME_DIR", "HOME"):
        monkeypatch.setenv(key, env[key])
    yield env
    subprocess.run(["pulseaudio", "--kill"], env=env, capture_output=True, timeout=30)


class Recorder:
    """parec on the null sink's monitor, read through a pipe (what reached the speakers)."""

    def __init__(self, env: dict) -> None:
        self.proc = subprocess.Popen(
            [
                "parec",
                "--device=counter.monitor",
                "--format=s16le",
                f"--rate={RATE}",
                "--channels=1",
                "--latency-msec=20",
            ],
            env=env,
            stdout=subprocess.PIPE,
        )
        self.data = bytearray()
        self.thread = threading.Thread(target=self._pump, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 10  # recording before anything plays (else the monitor stays mute)
        while not subprocess.run(
            ["pactl", "list", "short", "source-outputs"], env=env, capture_output=True, text=True
        ).stdout.strip():
            if time.monotonic() > deadline:
                raise RuntimeError("parec did not connect")
            time.sleep(0.05)
        time.sleep(0.3)

    def _pump(self) -> None:
        while chunk := self.proc.stdout.read1(4096):
            self.data.extend(chunk)

    def samples(self) -> array.array:
        a = array.array("h")
        a.frombytes(bytes(self.data[: len(self.data) // 2 * 2]))
        return a

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        self.proc.wait(10)
        self.thread.join(5)


def _frequency(samples: array.array) -> float:
    """Dominant frequency of the loud part, from its zero crossings."""
    loud = [x for x in samples if abs(x) > 300]
    crossings = sum(1 for a, b in zip(loud, loud[1:], strict=False) if (a < 0) != (b < 0))
    return crossings / 2 / (len(loud) / RATE) if loud else 0.0


@pytest.mark.parametrize("name,low,high", [("declined", 180, 260), ("approved", 800, 1400)])
def test_a_verdict_sound_is_really_played(qapp, pulse, name, low, high):
    recorder = Recorder(pulse)
    player = SoundPlayer(enabled=True)
    try:
        assert player.wait_ready(10)
        assert player.output_device == "PulseAudio" and player.problem() == ""
        time.sleep(0.5)
        before = max((abs(x) for x in recorder.samples()), default=0)
        player.play(name)
        played_at = time.monotonic()  # a null sink takes its data in blocks of up to 2 s: wait for the tone
        while (
            max((abs(x) for x in recorder.samples()), default=0) < 1000 and time.monotonic() - played_at < 5
        ):
            time.sleep(0.05)
        time.sleep(0.6)
    finally:
        player.close()
        recorder.stop()
    samples = recorder.samples()
    expected = max(abs(x) for x in array.array("h", read_pcm(name)))
    assert player.started == 1 and before < 100  # silence until the verdict
    assert max(abs(x) for x in samples) > expected // 2  # the verdict's tone reached the output
    assert low <= _frequency(samples) <= high  # and it is that verdict's tone (declined low, approved high)
    assert set(TONES) == {"approved", "attention", "declined"}


def test_no_audio_output_is_said_in_settings(qtbot, window, monkeypatch):
    """Without any sound server or card the player says so, and so does the settings page."""
    from .helpers import sign_in

    w = window
    monkeypatch.setenv("PULSE_SERVER", "unix:/nonexistent/pulse")
    player = SoundPlayer(enabled=True)
    player.wait_ready(10)
    player.close()
    if player.output_device:  # a real ALSA device answered: this machine has audio
        pytest.skip(f"this machine has an audio output ({player.output_device}); nothing to report")
    w.sound = player
    w.manager.settings.audio = player.problem
    sign_in(qtbot, w)
    w.manager.tabs.setCurrentWidget(w.manager.settings)
    text = w.manager.settings.audio_state.text()
    assert text.startswith("No audio output found: the verdict sounds cannot play"), text
    assert w.manager.settings.audio_state.isVisible()
