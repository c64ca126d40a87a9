"""The web app in a real headless Chromium: open the default, set the Majilis threshold to 3%, watch the
control table change, download the reform and load it with ``reformlab show``, keep a screenshot."""

from __future__ import annotations

import struct
import tempfile
import time
from pathlib import Path

import pytest
from tests.web.conftest import THRESHOLD
from typer.testing import CliRunner

from reformlab.cli import app as cli

pytestmark = pytest.mark.browser
webdriver = pytest.importorskip("selenium.webdriver")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
         "--window-size=1400,2200")


@pytest.fixture
def browser(chromium_with_driver, tmp_path):
    from selenium.webdriver.chrome.service import Service

    binary, driver = chromium_with_driver
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in (*FLAGS, f"--user-data-dir={tempfile.mkdtemp(prefix='reformlab-web-chromium-')}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(tmp_path),
                                              "download.prompt_for_download": False})
    chrome = webdriver.Chrome(service=Service(driver), options=options)
    chrome.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    chrome.set_page_load_timeout(60)
    yield chrome
    chrome.quit()


def wait_for(predicate, what: str, timeout: float = 60):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def control_text(chrome) -> str:
    return chrome.find_element("css selector", "#control-table tbody").text


def keep_screenshot(chrome, name: str) -> None:
    """Save the window as ``test-artifacts/web/NAME`` and check it is a wide PNG with something drawn on it."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / name
    chrome.save_screenshot(str(shot))
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24])[0] >= 1000
    assert len(data) > 40_000, f"the screenshot {name} looks blank"


def view_state(chrome, name: str) -> str:
    return chrome.find_element("css selector", f"#{name}").get_attribute("data-state")


def test_edit_the_threshold_and_download_the_reform(browser, live_server, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(live_server + "/")
    wait_for(lambda: browser.execute_script("return document.body.dataset.ready"), "the first results")
    before = control_text(browser)
    assert "107 of 107 seats" in before and "adopting a constitutional law" in before
    assert browser.find_element(By.ID, "global-error").text == ""

    # the further views of the default comparison: rules or election, robustness, the amendments' waterfalls
    wait_for(lambda: all(view_state(browser, name) == "done" for name in ("split", "robust", "attribution")),
             "the split, robustness and attribution", timeout=120)
    split = browser.find_element(By.ID, "split").text
    assert "kz-majilis-2004 → kz-majilis-2007" in split
    assert "constitutional_amendment" in browser.find_element(By.ID, "split-table").text
    robust = browser.find_element(By.ID, "robust-table").text
    assert "before (kz@2007-05-20): ordinary_law" in robust and "256 of 1024 (25%" in robust
    claim = browser.find_element(By.CSS_SELECTOR, '#robust-claims-table tr[data-claim="majilis_size"]').text
    assert "holds" in claim and "1024 of 1024 (100%)" in claim and "no combination flips it" in claim
    waterfalls = browser.find_elements(By.CSS_SELECTOR, "#waterfalls figure svg")
    assert waterfalls and "amending the Constitution" in browser.find_element(By.ID, "waterfalls").text
    assert "20 amendment(s)" in browser.find_element(By.ID, "attribution").text
    browser.execute_script("document.getElementById('split').scrollIntoView()")
    keep_screenshot(browser, "web-app-views.png")

    browser.find_element(By.ID, "field-filter").send_keys("threshold")
    field = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, f'input[data-path="{THRESHOLD}"]'), "the field")[0]
    assert field.get_attribute("value") == "7%"
    ready = browser.execute_script("return document.body.dataset.ready")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys("3%", Keys.TAB)
    wait_for(lambda: browser.execute_script("return document.body.dataset.ready") != ready, "the new results")
    after = wait_for(lambda: (text := control_text(browser)) != before and text, "the control table to change")
    assert "99 of 107 seats, 72 needed, margin +27" in after
    assert "threshold" in browser.find_element(By.ID, "yaml").text and "3%" in browser.find_element(By.ID, "yaml").text
    assert "#s=" in browser.current_url  # the address encodes the reform
    wait_for(lambda: view_state(browser, "split") == "unavailable", "the split to say why it is not made")
    assert "needs two built-in versions" in browser.find_element(By.ID, "split").text
    wait_for(lambda: view_state(browser, "robust") == "done" and "after (kz@2007-05-21)" in
             browser.find_element(By.ID, "robust-table").text, "the robustness of the edited side")

    browser.find_element(By.ID, "download").click()
    downloaded = wait_for(lambda: [p for p in tmp_path.glob("*.yaml")], "the downloaded YAML")[0]
    shown = CliRunner().invoke(cli, ["show", str(downloaded)])
    assert shown.exit_code == 0, shown.output
    assert "3%" in shown.stdout

    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "#hemicycles svg"), "the hemicycles")
    keep_screenshot(browser, "web-app-threshold-3pct.png")

    shared = browser.current_url
    browser.get("about:blank")
    browser.get(shared)  # the shared address restores the edit
    wait_for(lambda: "99 of 107 seats" in control_text(browser), "the shared state")
    browser.find_element(By.ID, "undo")  # present; undo is tested below
    browser.find_element(By.ID, "reset").click()
    wait_for(lambda: "107 of 107 seats" in control_text(browser), "the reset")


def test_a_bad_value_is_shown_next_to_its_field_and_undo_restores(browser, live_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(live_server + "/")
    wait_for(lambda: browser.execute_script("return document.body.dataset.ready"), "the first results")
    browser.find_element(By.ID, "field-filter").send_keys("threshold")
    field = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, f'input[data-path="{THRESHOLD}"]'), "the field")[0]
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys("abc", Keys.TAB)
    error = wait_for(lambda: browser.find_element(By.CSS_SELECTOR, f'.error[data-field="{THRESHOLD}"]').text,
                     "the error next to the field")
    assert "cannot read 'abc' as a share" in error
    browser.find_element(By.ID, "undo").click()
    wait_for(lambda: not browser.find_element(By.CSS_SELECTOR, f'.error[data-field="{THRESHOLD}"]').text, "undo")
    assert "107 of 107 seats" in control_text(browser)


def test_switch_the_majilis_to_a_parallel_system_and_edit_a_tier(browser, live_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    kind = "bodies.majilis.seat_groups.0.system"
    browser.get(live_server + "/")
    wait_for(lambda: browser.execute_script("return document.body.dataset.ready"), "the first results")
    browser.find_element(By.ID, "field-filter").send_keys("seats 'list'")
    select = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, f'select[data-path="{kind}"]'),
                      "the kind")[0]
    assert not browser.find_elements(By.CSS_SELECTOR, f'input[data-path="{kind}.tiers.list.seats"]')
    ready = browser.execute_script("return document.body.dataset.ready")
    Select(select).select_by_visible_text("parallel")
    wait_for(lambda: browser.execute_script("return document.body.dataset.ready") != ready, "the new results")
    seats = f'input[data-path="{kind}.tiers.list.seats"]'
    tier = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, seats), "the list tier's seats")[0]
    assert tier.get_attribute("value") == "49"
    wait_for(lambda: "district model, not a result" in browser.find_element(By.ID, "assumptions").text,
             "the note that the districts are modelled")
    assert "kind: parallel" in browser.find_element(By.ID, "yaml").text
    assert browser.find_element(By.ID, "global-error").text == ""


def test_a_long_risk_run_shows_progress_and_is_cancelled_from_the_page(browser, live_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(live_server + "/")
    wait_for(lambda: browser.execute_script("return document.body.dataset.ready"), "the first results")
    draws = browser.find_element(By.ID, "risk-draws")
    draws.send_keys(Keys.CONTROL, "a")
    draws.send_keys("2000000")
    browser.find_element(By.ID, "risk-run").click()
    status = lambda: browser.find_element(By.ID, "risk-status").text  # noqa: E731
    wait_for(lambda: status().startswith("running: ") and not status().startswith("running: 0 of"),
             "progress of the running job")
    progress = float(browser.find_element(By.ID, "risk-progress").get_attribute("value"))
    assert 0 < progress < 1
    assert browser.find_element(By.ID, "risk-run").get_attribute("disabled")
    browser.find_element(By.ID, "risk-cancel").click()
    wait_for(lambda: status().startswith("cancelled: "), "the job to stop")
    done = int(status().split()[1])
    assert 0 < done < 2_000_000  # stopped part of the way, at a chunk's end
    assert not browser.find_element(By.ID, "risk-run").get_attribute("disabled")
    assert browser.find_element(By.CSS_SELECTOR, "#risk-table tbody").text == ""  # no result from a cancelled run
