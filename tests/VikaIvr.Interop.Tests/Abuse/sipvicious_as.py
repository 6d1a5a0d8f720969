#!/usr/bin/python3
"""Runs Debian's sipvicious (svmap or svwar) under another User-Agent.

sipvicious 0.3.3 has no option for its User-Agent ("friendly-scanner", on the server's deny-list);
a scanner that disguises itself sends exactly this. Usage: sipvicious_as.py TOOL USER-AGENT ARGS...
"""
import sys

sys.path.insert(0, '/usr/share/sipvicious')
from sipvicious.libs import svhelper  # noqa: E402

tool, agent = sys.argv[1], sys.argv[2]
defaults = list(svhelper.makeRequest.__defaults__)
# makeRequest(..., body='', useragent='friendly-scanner', requesturi=None): the one default to change.
if defaults[-2] != 'friendly-scanner':
    sys.exit('unexpected sipvicious: makeRequest defaults are %r' % (defaults,))
defaults[-2] = agent
svhelper.makeRequest.__defaults__ = tuple(defaults)
module = __import__('sipvicious.' + tool, fromlist=['main'])
sys.argv = [tool] + sys.argv[3:]
module.main()
