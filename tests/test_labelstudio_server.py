"""Our Label Studio format against the real Label Studio, run on loopback.

Label Studio lives in its own venv (``.venv-labelstudio``; CI installs it) so its
pinned dependencies cannot break ours. The test starts it with a throw-away
data folder, creates a project with our configuration, imports our tasks,
accepts the predictions as annotations (as an annotator would), corrects one,
exports the project as JSON and imports that export into gold.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from pipeline.gold.roundtrip import load_output
from pipeline.gold.spec_json import read_spec_json, write_spec_json
from pipeline.gold.labelstudio import write_labelstudio, read_labelstudio

REPO = Path(__file__).resolve().parents[1]
LS_VENV = REPO / ".venv-labelstudio"
LABEL_STUDIO = LS_VENV / "bin" / "label-studio"
SAMPLE = REPO / "data" / "raw" / "000_6fb061e0297f36b6.txt"
CRLF_EMOJI = REPO / "tests" / "data" / "annotate" / "crlf_emoji.txt"
START_TIMEOUT = 240  # seconds: the first start migrates a fresh database

pytestmark = pytest.mark.skipif(
    not LABEL_STUDIO.exists(),
    reason=f"Label Studio is not installed at {LABEL_STUDIO} "
           "(python -m venv .venv-labelstudio && .venv-labelstudio/bin/pip install label-studio)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabelStudio:
    """A Label Studio server of our own, reached with a legacy API token."""

    def __init__(self, data_dir: Path) -> None:
        self.port, self.token = _free_port(), secrets.token_hex(20)
        self.url = f"http://127.0.0.1:{self.port}"
        env = os.environ | {
            "LABEL_STUDIO_BASE_DATA_DIR": str(data_dir), "DISABLE_SIGNUP_WITHOUT_LINK": "true",
            "COLLECT_ANALYTICS": "false", "LATEST_VERSION_CHECK": "false", "SENTRY_DSN": "",
            "FRONTEND_SENTRY_DSN": "",
        }
        self.log = open(data_dir / "server.log", "w")  # noqa: SIM115 - open while the server runs
        self.process = subprocess.Popen(
            [str(LABEL_STUDIO), "start", "--no-browser", "--internal-host", "127.0.0.1",
             "--port", str(self.port), "--data-dir", str(data_dir),
             "--username", "annotator@example.org", "--password", secrets.token_hex(12),
             "--user-token", self.token, "--enable-legacy-api-token"],
            env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)

    def wait(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:  # bounded in time; one try every second
            if self.process.poll() is not None:
                raise RuntimeError(f"Label Studio exited with {self.process.returncode}: {self.tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(1)
        raise RuntimeError(f"Label Studio did not answer within {START_TIMEOUT}s: {self.tail()}")

    def call(self, method: str, path: str, body=None):
        request = urllib.request.Request(
            self.url + path, method=method, data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"Token {self.token}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace")[:2000]
            raise AssertionError(f"Label Studio rejected {method} {path}: {error.code} {detail}") from None

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # its own session: the server and its children
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=30)
        self.log.close()

    def tail(self) -> str:
        self.log.flush()
        return Path(self.log.name).read_text(errors="replace")[-3000:]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    ls = LabelStudio(tmp_path_factory.mktemp("label-studio"))
    try:
        ls.wait()
        yield ls
    finally:
        ls.stop()


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The real pipeline's output, exported as Label Studio tasks."""
    from pipeline.batch.run import run_batch

    out = tmp_path_factory.mktemp("out")
    assert run_batch([SAMPLE, CRLF_EMOJI], out).n_failed == 0
    folder = tmp_path_factory.mktemp("ls")
    write_labelstudio(load_output(out), folder)
    return out, folder


def test_label_studio_validates_our_predictions(exported):
    """Label Studio's own validator (its SDK, in its venv) accepts every prediction."""
    _, folder = exported
    script = (
        "import json, sys\n"
        "from label_studio_sdk.label_interface import LabelInterface\n"
        "li = LabelInterface(open(sys.argv[1], encoding='utf-8').read())\n"
        "tasks = json.load(open(sys.argv[2], encoding='utf-8'))\n"
        "bad = [t['data']['doc_id'] for t in tasks if not li.validate_prediction(t['predictions'][0])]\n"
        "print(json.dumps(bad))\n")
    run = subprocess.run([str(LS_VENV / "bin" / "python"), "-c", script, str(folder / "config.xml"),
                          str(folder / "tasks.json")], capture_output=True, text=True, timeout=300,
                         check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads(run.stdout.strip().splitlines()[-1]) == [], "Label Studio rejects our predictions"


def test_round_trip_through_label_studio(server, exported, tmp_path):
    out, folder = exported
    config = (folder / "config.xml").read_text(encoding="utf-8")
    tasks = json.loads((folder / "tasks.json").read_text(encoding="utf-8"))
    project = server.call("POST", "/api/projects/", {"title": "testimony round trip", "label_config": config})
    imported = server.call("POST", f"/api/projects/{project['id']}/import", tasks)
    assert (imported["task_count"], imported["prediction_count"]) == (len(tasks), len(tasks))

    stored = server.call("GET", f"/api/tasks/?project={project['id']}&page_size=100")
    stored = stored["tasks"] if isinstance(stored, dict) else stored
    assert len(stored) == len(tasks)
    for item in stored[:len(tasks)]:  # bounded: one annotation per task
        full = server.call("GET", f"/api/tasks/{item['id']}")
        ours = next(t for t in tasks if t["data"]["doc_id"] == full["data"]["doc_id"])
        prediction = full["predictions"][0]["result"]
        assert prediction == ours["predictions"][0]["result"], "Label Studio changed our prediction"
        assert full["data"]["text"] == ours["data"]["text"]
        result = json.loads(json.dumps(prediction))
        if full["data"]["doc_id"] == "crlf_emoji":  # the annotator corrects a value
            box = next(r for r in result if r["type"] == "textarea" and "currency: KZT" in r["value"]["text"])
            box["value"]["text"] = [line.replace("80900", "80000") for line in box["value"]["text"]]
        server.call("POST", f"/api/tasks/{item['id']}/annotations/", {"result": result})

    export = server.call("GET", f"/api/projects/{project['id']}/export?exportType=JSON")
    (tmp_path / "export.json").write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    back = {d.doc_id: d for d in read_labelstudio(tmp_path / "export.json")}
    write_spec_json(back.values(), tmp_path / "gold")
    gold = {d.doc_id: d for p in (tmp_path / "gold").glob("*.json") for d in read_spec_json(p)}

    sent = {d.doc_id: d for d in load_output(out)}
    assert sorted(gold) == sorted(sent)
    assert gold["000_6fb061e0297f36b6"].mentions == sent["000_6fb061e0297f36b6"].mentions
    assert gold["000_6fb061e0297f36b6"].events == sent["000_6fb061e0297f36b6"].events
    corrected, original = gold["crlf_emoji"], sent["crlf_emoji"]
    assert corrected.text == original.text and "🙂" in corrected.text
    assert [(m.type, m.start, m.end) for m in corrected.mentions] == \
           [(m.type, m.start, m.end) for m in original.mentions]
    money = next(m for m in corrected.mentions if m.type == "MONEY")
    assert (money.text, money.values["amount_min"], money.values["amount_max"]) == ("80900 тенге", 80000, 80000)
    assert corrected.events == original.events
