"""Error reports leave out who made the request: the client's IP, wherever it came in."""

from django.test import RequestFactory
from django.views.debug import ExceptionReporter

IP_HEADERS = {
    "REMOTE_ADDR": "203.0.113.7",
    "HTTP_X_FORWARDED_FOR": "198.51.100.23, 203.0.113.7",
    "HTTP_X_REAL_IP": "192.0.2.44",
    "HTTP_FORWARDED": "for=192.0.2.60;proto=https",
}


def test_a_report_hides_every_client_address_and_keeps_the_rest():
    request = RequestFactory().get("/posts/a-column/", HTTP_USER_AGENT="Reader/1.0", **IP_HEADERS)
    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        report = ExceptionReporter(request, type(error), error, error.__traceback__)
        text = report.get_traceback_text()

    assert "Reader/1.0" in text
    for name, value in IP_HEADERS.items():
        assert name in text
        assert value not in text
