using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Media.Session;
using Caller = VikaIvr.Testing.Caller;

namespace VikaIvr.Interop.Tests.Cluster;

public sealed partial class ClusterTests
{
    /// <summary>
    /// Needs part C (prompt versions in the shared database): each node has its own prompt folder,
    /// as on its own machine, so only the database can carry the recording to the other nodes.
    /// </summary>
    [Fact]
    public async Task A_prompt_recorded_by_phone_through_Kamailio_is_heard_by_a_call_on_another_node()
    {
        var cluster = fixture.Cluster;
        Assert.True(cluster.Provider == ClusterProvider.Postgres,
            $"the cluster runs on {cluster.Provider}: a recording reaches the other nodes only through PostgreSQL (issue 11 part C)");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = timeout.Token;
        var via = $"127.0.0.1:{cluster.KamailioPort}";

        ClusterNode recordedOn;
        await using (var op = await Caller.TestCaller.DialAsync($"sip:{ClusterFixture.OperatorNumber}@{via}",
                         new Caller.TestCallerOptions { FromUser = "0811000001" }, ct: ct))
        {
            Assert.True(op.IsEstablished, cluster.Describe());
            recordedOn = cluster.NodeThatReceived(op.Call.CallId);
            await Task.Delay(500, ct);
            // PIN and prompt number 1 (welcome), typed ahead over the prompts.
            await op.SendDigitsAsync(ClusterFixture.OperatorPin + "#1#", TimeSpan.FromMilliseconds(120), ct);

            // Speak (a tone) through the instructions, the beep and three seconds of recording, then '#'.
            using var speaking = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var playing = op.Media!.Play(EncodedAudio.Encode(ToneShare.Tone(20 * 8000), op.Negotiated!.Codec), speaking.Token);
            await Task.Delay(Seconds(recordedOn, "rec-start") + Seconds(recordedOn, "beep") + TimeSpan.FromSeconds(3), ct);
            speaking.Cancel();
            try { await playing; } catch (OperationCanceledException) { }
            await op.SendDigitsAsync("#", TimeSpan.Zero, ct);

            // The review menu: 2 saves.
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            await op.SendDigitsAsync("2", TimeSpan.Zero, ct);
            await Task.Delay(Seconds(recordedOn, "rec-saved") + TimeSpan.FromSeconds(1), ct);
            await op.HangupAsync(ct);
        }

        // Calls to 165 through Kamailio until one lands on another node and hears the tone (the
        // other nodes may learn of the new version a moment after the save).
        var heardOn = new List<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var next = await Caller.TestCaller.DialAsync($"sip:165@{via}", new Caller.TestCallerOptions(), ct: ct);
            Assert.True(next.IsEstablished, cluster.Describe());
            var node = cluster.NodeThatReceived(next.Call.CallId);
            if (node == recordedOn)
            {
                await next.HangupAsync(ct);
                continue;
            }

            await Task.Delay(TimeSpan.FromSeconds(2.5), ct);
            var heard = next.Received.Snapshot();
            await next.HangupAsync(ct);
            Assert.True(heard.Length > 8000, $"the call on {node.Id} heard nothing");
            var share = ToneShare.Of(heard.AsSpan(800, Math.Min(heard.Length - 800, 12000)));
            heardOn.Add($"{node.Id}: 440 Hz share {share:0.00}");
            if (share > 0.6)
            {
                output.WriteLine($"recorded on {recordedOn.Id}, heard on " + string.Join("; ", heardOn));
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }

        Assert.Fail($"no call on a node other than {recordedOn.Id} heard the welcome recorded there within 30 s ({string.Join("; ", heardOn)})\n{cluster.Describe()}");
    }

    private static TimeSpan Seconds(ClusterNode node, string promptId)
    {
        var (samples, rate) = WavFile.Read(Path.Combine(node.PromptsDir, "id", promptId + ".wav"));
        return TimeSpan.FromSeconds(samples.Length / (double)rate);
    }
}
