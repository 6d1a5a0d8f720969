using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Vika;

/// <summary>Runs one SIPp call against the VIKA server and fetches its call record.</summary>
public static class VikaSippCall
{
    /// <summary>A generated key scenario (<see cref="SippKeysScenario"/>).</summary>
    public static async Task<(SippResult Sipp, CallRecordLine Record)> RunAsync(
        ServerProcess server, SippKeysScenario scenario, TimeSpan timeout, Func<Task>? during = null)
    {
        var dir = Directory.CreateTempSubdirectory("vika-sipp-keys-").FullName;
        var path = scenario.WriteTo(dir, "uac_vika_keys.xml");
        var outcome = await RunAsync(server, new SippRun { Scenario = path, Timeout = timeout }, during);

        // Kept when the call failed (the assertion above threw): the scenario is evidence.
        Directory.Delete(dir, recursive: true);
        return outcome;
    }

    /// <summary>
    /// Runs <paramref name="run"/>; <paramref name="during"/> runs alongside the call (e.g. to break
    /// the database at the right moment). SIPp must report the call successful.
    /// </summary>
    public static async Task<(SippResult Sipp, CallRecordLine Record)> RunAsync(ServerProcess server, SippRun run, Func<Task>? during = null)
    {
        var sippTask = SippRunner.RunAsync(run, server.SipEndPoint);
        if (during is not null)
        {
            await during();
        }

        var result = await sippTask;
        Assert.True(result.AllSucceeded(1), result.Describe() + "\n--- server ---\n" + Tail(server.Output));
        var record = await CdrReader.WaitForAsync(server, r => r.CallId == run.CallId(), TimeSpan.FromSeconds(10));
        return (result, record);
    }

    private static string Tail(string text) => text.Length <= 6000 ? text : "…" + text[^6000..];
}
