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
}
