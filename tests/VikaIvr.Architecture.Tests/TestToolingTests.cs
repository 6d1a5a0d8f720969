using System.Reflection;

namespace VikaIvr.Architecture.Tests;

/// <summary>The test caller and script runner live outside the product's call path.</summary>
public class TestToolingTests
{
    [Fact]
    public void Telephony_does_not_contain_the_test_caller()
    {
        var telephony = Assembly.Load("VikaIvr.Telephony");
        var offenders = telephony.GetTypes()
            .Where(t => t.Name.Contains("TestCaller", StringComparison.Ordinal) || (t.Namespace ?? "").Contains(".Caller", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(offenders.Count == 0, "test tooling in VikaIvr.Telephony: " + string.Join(", ", offenders));
        Assert.Contains(Assembly.Load("VikaIvr.Testing").GetTypes(), t => t.Name == "TestCaller");
    }

    [Fact]
    public void The_script_interpreter_is_one_and_its_live_and_load_callers_are_test_tooling()
    {
        var port = Assembly.Load("VikaIvr.Flows").GetType("VikaIvr.Flows.Scripting.IScriptCaller", throwOnError: true)!;
        var callers = new[] { "VikaIvr.Flows", "VikaIvr.Testing", "VikaIvr.Telephony", "vika" }
            .SelectMany(name => Assembly.Load(name).GetTypes())
            .Where(t => port.IsAssignableFrom(t) && !t.IsInterface)
            .Select(t => t.Assembly.GetName().Name + ":" + t.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(["VikaIvr.Flows:SimulatedCaller", "VikaIvr.Testing:LiveScriptCaller", "VikaIvr.Testing:LoadScriptCaller"], callers);
        var server = Assembly.Load("vika").GetTypes();
        Assert.DoesNotContain(server, t => t.Name.Contains("ScriptExecution", StringComparison.Ordinal) || t.Name == "HeardEventScanner");
    }
}
