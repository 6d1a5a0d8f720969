using System.Globalization;
using System.Xml.Linq;

namespace VikaIvr.Flows.Scripting;

/// <summary>JUnit XML for CI systems: one test case per script.</summary>
public static class JUnitReport
{
    public static XDocument Build(IReadOnlyList<ScriptResult> results, string suiteName = "vika-simulate")
    {
        ArgumentNullException.ThrowIfNull(results);
        var inv = CultureInfo.InvariantCulture;
        int failures = 0;
        var suite = new XElement("testsuite", new XAttribute("name", suiteName));
        foreach (var r in results)
        {
            var testCase = new XElement("testcase",
                new XAttribute("name", r.Name),
                new XAttribute("classname", suiteName + "." + Path.GetDirectoryName(r.File)?.Replace('/', '.').Replace('\\', '.')),
                new XAttribute("file", r.File),
                new XAttribute("time", r.Duration.TotalSeconds.ToString("0.000", inv)));
            if (!r.Passed)
            {
                failures++;
                var first = r.Failures[0];
                testCase.Add(new XElement("failure",
                    new XAttribute("message", first.ToString()),
                    new XAttribute("type", "ScriptFailure"),
                    string.Join(Environment.NewLine, r.Failures)));
            }

            testCase.Add(new XElement("system-out", string.Join(Environment.NewLine, r.Transcript)));
            suite.Add(testCase);
        }

        suite.Add(new XAttribute("tests", results.Count), new XAttribute("failures", failures), new XAttribute("errors", 0));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", suite));
    }

    public static void Write(string path, IReadOnlyList<ScriptResult> results)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Build(results).Save(path);
    }
}
