"""One module per tab of the main window, in the order of the form.

Every tab offers ``apply_findings(findings)`` (mark what is wrong) and ``focus_location(location)``
(put the cursor where a finding points; True when the location is on this tab).
"""
