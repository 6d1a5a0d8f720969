using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;

namespace VikaIvr.Interop.Tests.Sip;

/// <summary>
/// RFC 4475's messages fired at the running server over UDP, byte for byte, and the answers
/// compared with what the RFC (and the manifest in tests/VikaIvr.Sip.Tests/Torture) asks. Each
/// fact lists every message answered otherwise, so a failure is the bug list.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class TortureResponseTests(TortureResponseTests.Firing firing) : IClassFixture<TortureResponseTests.Firing>
{
    /// <summary>Words the reason phrase must contain (case-sensitive): they name what is wrong with the message.</summary>
    private static readonly Dictionary<string, string> FaultWords = new(StringComparer.Ordinal)
    {
        ["badinv01"] = "Via header", ["clerr"] = "Content-Length", ["ncl"] = "Content-Length", ["scalar02"] = "CSeq",
        ["quotbal"] = "To header", ["ltgtruri"] = "Request-URI", ["lwsruri"] = "Request-URI", ["lwsstart"] = "Request line",
        ["trws"] = "Request line", ["escruri"] = "Request-URI", ["regbadct"] = "Contact header", ["badaspec"] = "To header",
        ["baddn"] = "From header", ["badvers"] = "Version", ["mismatch01"] = "CSeq", ["mismatch02"] = "CSeq",
        ["insuf"] = "Call-ID", ["multi01"] = "Multiple", ["mcl01"] = "Content-Length",
    };

    /// <summary>
    /// Valid requests processed as this UAS does: OPTIONS 200, INVITE to a number that is not a
    /// service number 404, REGISTER and MESSAGE 405 (not a registrar), an INVITE with a To tag
    /// for no known dialog 481 (RFC 3261 12.2.2). Valid responses are strays: no answer (0).
    /// </summary>
    private static readonly Dictionary<string, int> ValidAnswers = new(StringComparer.Ordinal)
    {
        ["wsinv"] = 481, ["esc01"] = 404, ["escnull"] = 405, ["lwsdisp"] = 200, ["longreq"] = 404,
        ["dblreq"] = 405, ["semiuri"] = 200, ["transports"] = 200, ["mpart01"] = 405, ["unreason"] = 0,
        ["noreason"] = 0, ["baddate"] = 404, ["badbranch"] = 200, ["bcast"] = 0, ["cparam01"] = 405,
        ["cparam02"] = 405, ["regescrt"] = 405, ["inv2543"] = 404,
    };

    [Fact]
    public void Parse_errors_get_the_rfc_status_with_a_reason_naming_the_fault()
    {
        var wrong = new List<string>();
        foreach (var c in firing.Cases("parse-error"))
        {
            var answer = firing.AnswerOf(c.Name);
            if (answer.Final is not { } final)
            {
                wrong.Add($"{c.Name}: no answer (RFC 4475 asks {c.Statuses[0]})");
            }
            else if (!c.Statuses.Contains(final.Status))
            {
                wrong.Add($"{c.Name}: {final.StartLine} (RFC 4475 asks {string.Join('/', c.Statuses)})");
            }
            else if (final.Reason.Trim() is "Bad Request" or "" || !final.Reason.Contains(FaultWords[c.Name], StringComparison.Ordinal))
            {
                wrong.Add($"{c.Name}: reason '{final.Reason}' does not name the fault ('{FaultWords[c.Name]}')");
            }
        }

        Assert.True(wrong.Count == 0, firing.Report("parse errors answered otherwise than RFC 4475 asks", wrong));
    }

    [Fact]
    public void Ua_refusals_get_one_of_the_statuses_the_rfc_allows()
    {
        var wrong = new List<string>();
        foreach (var c in firing.Cases("ua-refusal"))
        {
            var answer = firing.AnswerOf(c.Name);
            var expected = c.Statuses;
            if (c.Method == "INVITE" && expected.Contains(404) is false)
            {
                // RFC 3261 8.2.2.1 looks at the Request-URI before 8.2.3 looks at the content: a
                // call for someone who is not here is 404; the content refusal is checked by the
                // copies addressed to 165 (Content_refusals_apply_to_calls_for_a_service_number).
                expected = [404];
            }

            CheckFinal(c.Name, answer, expected, wrong);
        }

        Assert.True(wrong.Count == 0, firing.Report("UA-level refusals answered otherwise than RFC 4475 asks", wrong));
    }

    [Fact]
    public void Content_refusals_apply_to_calls_for_a_service_number()
    {
        var wrong = new List<string>();
        CheckFinal(Firing.InvutTo165, firing.AnswerOf(Firing.InvutTo165), [415], wrong);
        if (firing.AnswerOf(Firing.InvutTo165).Final is { Status: 415 } unsupported
            && !Header(unsupported.Text, "Accept").Contains("application/sdp", StringComparison.OrdinalIgnoreCase))
        {
            wrong.Add($"{Firing.InvutTo165}: 415 without 'Accept: application/sdp' (RFC 3261 21.4.13)");
        }

        CheckFinal(Firing.Sdp01To165, firing.AnswerOf(Firing.Sdp01To165), [406], wrong);
        Assert.True(wrong.Count == 0, firing.Report("INVITEs for 165 whose content the server cannot handle", wrong));
    }

    [Fact]
    public void Valid_messages_are_processed_normally()
    {
        var wrong = new List<string>();
        foreach (var c in firing.Cases("valid"))
        {
            var expected = ValidAnswers[c.Name];
            var answer = firing.AnswerOf(c.Name);
            if (expected == 0)
            {
                if (answer.Responses.Count > 0)
                {
                    wrong.Add($"{c.Name}: a response must not be answered, got {answer.Responses[0].StartLine}");
                }

                continue;
            }

            CheckFinal(c.Name, answer, [expected], wrong);
        }

        // dblreq: the INVITE after the REGISTER's Content-Length is noise, never a second request.
        if (firing.Unmatched.FirstOrDefault(r => r.Text.Contains("dblreq.0ha0isnda977644900765", StringComparison.Ordinal)) is { } extra)
        {
            wrong.Add($"dblreq: the INVITE behind the REGISTER's body was answered: {extra.StartLine}");
        }

        Assert.True(wrong.Count == 0, firing.Report("valid messages answered otherwise than expected", wrong));
    }

    [Fact]
    public void Malformed_responses_are_dropped_silently_and_the_server_still_serves()
    {
        var wrong = new List<string>();
        foreach (var c in firing.Cases("drop"))
        {
            if (firing.AnswerOf(c.Name).Responses.FirstOrDefault() is { } response)
            {
                wrong.Add($"{c.Name}: answered {response.StartLine}");
            }
        }

        Assert.True(wrong.Count == 0, firing.Report("malformed responses that were answered", wrong));
        Assert.True(firing.ServersAnsweredOptionsAfterwards, firing.Report("a server stopped answering OPTIONS after the corpus", []));
    }

    private static void CheckFinal(string name, Firing.Answer answer, IReadOnlyList<int> expected, List<string> wrong)
    {
        var finals = answer.Responses.Where(r => r.Status >= 200).Select(r => r.Status).Distinct().ToList();
        if (finals.Count == 0)
        {
            var provisional = answer.Responses.Count == 0 ? "nothing" : string.Join(", ", answer.Responses.Select(r => r.StartLine));
            wrong.Add($"{name}: no final response, got {provisional} (expected {string.Join('/', expected)})");
            return;
        }

        var final = answer.Final!;
        if (finals.Count > 1 || !expected.Contains(final.Status))
        {
            wrong.Add($"{name}: {string.Join(" then ", finals)} '{final.Reason}' (expected {string.Join('/', expected)})");
            return;
        }

        if (string.IsNullOrWhiteSpace(final.Reason))
        {
            wrong.Add($"{name}: {final.Status} with an empty reason phrase");
        }

        if (final.Status == 405 && Header(final.Text, "Allow").Length == 0)
        {
            wrong.Add($"{name}: 405 without Allow (RFC 3261 21.4.6)");
        }

        if (final.Status == 420 && !Header(final.Text, "Unsupported").Contains("nothingSupportsThisEither", StringComparison.Ordinal))
        {
            wrong.Add($"{name}: 420 whose Unsupported does not list the Require tags: '{Header(final.Text, "Unsupported")}'");
        }
    }

    private static string Header(string message, string name)
    {
        var match = Regex.Match(message, "^" + Regex.Escape(name) + @"[ \t]*:[ \t]*(.*?)\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase);
        return match.Success ? match.Groups[1].Value : string.Empty;
    }

    /// <summary>
    /// Fires the corpus once for all facts. Messages that share a transaction key (branch,
    /// sent-by, method: RFC 3261 17.2.3) would be absorbed as retransmissions, so they go to a
    /// second server. Responses go where RFC 3261 18.2.2 says: the source address at the Via's
    /// port (5060 unless given), so the sockets sit on a private loopback address at those ports.
    /// </summary>
    public sealed class Firing : IAsyncLifetime
    {
        public const string InvutTo165 = "invut@165";
        public const string Sdp01To165 = "sdp01@165";
        private static readonly int[] ViaPorts = [5060, 5050];
        private readonly ConcurrentQueue<Response> _received = new();
        private readonly Dictionary<string, Answer> _answers = new(StringComparer.Ordinal);
        private readonly List<Response> _unmatched = [];
        private readonly StringBuilder _log = new();
        private List<ManifestCase> _cases = [];
        private Exception? _failure;

        public bool ServersAnsweredOptionsAfterwards { get; private set; }

        public IReadOnlyList<Response> Unmatched => _unmatched;

        public IEnumerable<ManifestCase> Cases(string outcome)
        {
            ThrowIfFailed();
            return _cases.Where(c => c.Outcome == outcome);
        }

        public Answer AnswerOf(string name)
        {
            ThrowIfFailed();
            return _answers.TryGetValue(name, out var answer) ? answer : new Answer([]);
        }

        public string Report(string title, List<string> wrong)
        {
            var text = new StringBuilder().AppendLine(FormattableString.Invariant($"{wrong.Count} {title}:"));
            wrong.ForEach(w => text.AppendLine("  " + w));
            text.AppendLine("All answers:");
            foreach (var (name, answer) in _answers.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                text.AppendLine($"  {name} -> {answer.Final?.StartLine ?? (answer.Responses.Count > 0 ? answer.Responses[0].StartLine : "no answer")}");
            }

            var log = _log.ToString();
            return text.AppendLine("Server output (tail):").Append(log.Length > 4000 ? log[^4000..] : log).ToString();
        }

        public async Task InitializeAsync()
        {
            try
            {
                await FireAsync();
            }
            catch (Exception ex)
            {
                _failure = ex;
            }
        }

        public Task DisposeAsync() => Task.CompletedTask;

        private async Task FireAsync()
        {
            var json = await File.ReadAllTextAsync(Path.Combine(RepoPaths.TortureDir, "torture.json"));
            _cases = JsonSerializer.Deserialize<List<ManifestCase>>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
                ?? throw new InvalidDataException("torture.json is empty");
            var outgoing = _cases.Select(c => Outgoing.Of(c.Name, File.ReadAllBytes(Path.Combine(RepoPaths.TortureDir, c.Name + ".sip")))).ToList();
            outgoing.Add(Outgoing.Of(InvutTo165, To165(outgoing.Single(o => o.Name == "invut").Bytes)));
            outgoing.Add(Outgoing.Of(Sdp01To165, To165(outgoing.Single(o => o.Name == "sdp01").Bytes)));

            var sockets = BindReceivers();
            using var stop = new CancellationTokenSource();
            var loops = sockets.Select(s => ReceiveLoopAsync(s, stop.Token)).ToList();
            try
            {
                ServersAnsweredOptionsAfterwards = true;
                foreach (var round in Rounds(outgoing))
                {
                    await using var server = await ServerProcess.StartAsync(new ServerOptions());
                    foreach (var message in round)
                    {
                        await sockets[0].SendToAsync(message.Bytes, SocketFlags.None, server.SipEndPoint);
                    }

                    await WaitForQuietAsync();
                    ServersAnsweredOptionsAfterwards &= !server.HasExited && await server.AnswersOptionsAsync(TimeSpan.FromSeconds(5));
                    _log.Append(server.Output);
                }
            }
            finally
            {
                await stop.CancelAsync();
                sockets.ForEach(s => s.Dispose());
                await Task.WhenAll(loops);
            }

            Match(outgoing);
        }

        private static List<List<Outgoing>> Rounds(List<Outgoing> outgoing)
        {
            var rounds = new List<(HashSet<SipTransactionKey> Keys, List<Outgoing> Messages)>();
            foreach (var message in outgoing)
            {
                var round = rounds.FirstOrDefault(r => message.Key is not { } key || !r.Keys.Contains(key));
                if (round.Messages is null)
                {
                    round = ([], []);
                    rounds.Add(round);
                }

                if (message.Key is { } k)
                {
                    round.Keys.Add(k);
                }

                round.Messages.Add(message);
            }

            return [.. rounds.Select(r => r.Messages)];
        }

        /// <summary>The same INVITE for 165, as a new transaction, with its TEST-NET addresses on loopback (same lengths).</summary>
        private static byte[] To165(byte[] original)
        {
            var text = Encoding.Latin1.GetString(original);
            var firstLine = text.IndexOf('\n', StringComparison.Ordinal);
            text = text[..firstLine].Replace("sip:user@", "sip:165@", StringComparison.Ordinal) + text[firstLine..];
            text = text.Replace("192.0.2.", "127.0.0.", StringComparison.Ordinal)
                .Replace("branch=z9hG4bKkdjuw", "branch=z9hG4bKkdjuw165", StringComparison.Ordinal);
            text = Regex.Replace(text, @"^(Call-ID:[ \t]*\S+)", "$1.to165", RegexOptions.Multiline);
            return Encoding.Latin1.GetBytes(text);
        }

        private static List<Socket> BindReceivers()
        {
            for (var attempt = 0; ; attempt++)
            {
                var address = new IPAddress([127, (byte)Random.Shared.Next(100, 200), (byte)Random.Shared.Next(256), (byte)Random.Shared.Next(2, 254)]);
                var sockets = new List<Socket>();
                try
                {
                    foreach (var port in ViaPorts)
                    {
                        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        sockets.Add(socket);
                        socket.Bind(new IPEndPoint(address, port));
                    }

                    return sockets;
                }
                catch (SocketException) when (attempt < 5)
                {
                    // Taken on this address: try another; a holder of 0.0.0.0:5060 fails the firing with this reason.
                    sockets.ForEach(s => s.Dispose());
                }
            }
        }

        private async Task ReceiveLoopAsync(Socket socket, CancellationToken ct)
        {
            var buffer = new byte[65535];
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), ct);
                    _received.Enqueue(Response.Parse(Encoding.UTF8.GetString(buffer, 0, received.ReceivedBytes)));
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
                {
                    if (ct.IsCancellationRequested)
                    {
                        return;
                    }
                }
            }
        }

        /// <summary>Until nothing new came for 600 ms (at least 1 s, at most 4 s: INVITE error responses repeat until ACK).</summary>
        private async Task WaitForQuietAsync()
        {
            var started = DateTime.UtcNow;
            var lastCount = -1;
            var lastChange = started;
            while (DateTime.UtcNow - started < TimeSpan.FromSeconds(4))
            {
                if (_received.Count != lastCount)
                {
                    lastCount = _received.Count;
                    lastChange = DateTime.UtcNow;
                }
                else if (DateTime.UtcNow - started > TimeSpan.FromSeconds(1) && DateTime.UtcNow - lastChange > TimeSpan.FromMilliseconds(600))
                {
                    return;
                }

                await Task.Delay(100);
            }
        }

        private void Match(List<Outgoing> outgoing)
        {
            var byName = outgoing.ToDictionary(o => o.Name, _ => new List<Response>(), StringComparer.Ordinal);
            foreach (var response in _received)
            {
                var callId = Header(response.Text, "Call-ID");
                var owner = outgoing.FirstOrDefault(o => o.CallId is not null ? o.CallId == callId
                    : o.Branch is not null && Header(response.Text, "Via").Contains("branch=" + o.Branch, StringComparison.Ordinal));
                if (owner is null)
                {
                    _unmatched.Add(response);
                }
                else
                {
                    byName[owner.Name].Add(response);
                }
            }

            foreach (var (name, responses) in byName)
            {
                _answers[name] = new Answer(responses);
            }
        }

        private void ThrowIfFailed()
        {
            if (_failure is not null)
            {
                throw new InvalidOperationException("firing the corpus failed: " + _failure.Message + "\n" + _log, _failure);
            }
        }

        public sealed record Answer(IReadOnlyList<Response> Responses)
        {
            public Response? Final => Responses.FirstOrDefault(r => r.Status >= 200);
        }

        public sealed record Response(string Text, string StartLine, int Status, string Reason)
        {
            public static Response Parse(string text)
            {
                var end = text.IndexOf("\r\n", StringComparison.Ordinal);
                var startLine = end < 0 ? text : text[..end];
                var status = startLine.Length >= 11 && startLine.StartsWith("SIP/2.0 ", StringComparison.Ordinal)
                    && int.TryParse(startLine.AsSpan(8, 3), out var code) ? code : -1;
                return new Response(text, startLine, status, startLine.Length > 12 ? startLine[12..] : string.Empty);
            }
        }

        public sealed record ManifestCase(string Name, string Outcome, IReadOnlyList<int> Statuses, string? Method);

        private sealed record Outgoing(string Name, byte[] Bytes, string? CallId, string? Branch, SipTransactionKey? Key)
        {
            public static Outgoing Of(string name, byte[] bytes)
            {
                var text = Encoding.Latin1.GetString(bytes);
                var callId = Regex.Match(text, @"^(?:Call-ID|i)[ \t]*:[ \t]*(\S+)", RegexOptions.Multiline | RegexOptions.IgnoreCase);
                var branch = Regex.Match(text, @"branch[ \t]*=[ \t]*([^;,\s]+)");
                SipParser.TryParse(bytes, SipParserOptions.Default, out var message, out var error);
                var request = message as SipRequest ?? error?.PartialRequest;
                SipTransactionKey? key = request is not null && SipTransactionKey.TryCreate(request, out var k) ? k : null;
                return new Outgoing(name, bytes, callId.Success ? callId.Groups[1].Value : null, branch.Success ? branch.Groups[1].Value : null, key);
            }
        }
    }
}
