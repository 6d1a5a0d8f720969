using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VikaIvr.Data.ParticipantApi;
using VikaIvr.Jkn.Participants;

namespace VikaIvr.Tools.ParticipantApiStandIn;

/// <summary>
/// A local stand-in for the real participant service, on 127.0.0.1 and a port the OS picks:
/// the JSON contract of VikaIvr.Data/ParticipantApi/README.md over the participants it is given,
/// switchable at any time into a failure <see cref="Mode"/>, or failing only the next N requests
/// (<see cref="FailNext"/>, the flaky service). It counts the lookups it receives, so a test can
/// tell a cache hit or an open circuit (no request) from a call that went out.
/// Also `POST /control/mode/{mode}` and `GET /control/requests` for a stand-in run as a program.
/// </summary>
public sealed class ParticipantApiStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, Participant> _byNik;
    private readonly Dictionary<string, Participant> _byCard;
    private readonly Participant _first;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _paths = new();
    private int _requests;
    private int _failNext;
    private int _mode;

    private ParticipantApiStandIn(WebApplication app, IReadOnlyList<Participant> participants)
    {
        _app = app;
        _byNik = participants.ToDictionary(p => p.Nik, StringComparer.Ordinal);
        _byCard = participants.ToDictionary(p => p.CardNumber, StringComparer.Ordinal);
        _first = participants[0];
    }

    /// <summary>The service root, e.g. http://127.0.0.1:41234/ (what Data:ParticipantApi:Url takes).</summary>
    public Uri Url { get; private set; } = null!;

    public StandInMode Mode
    {
        get => (StandInMode)Volatile.Read(ref _mode);
        set => Volatile.Write(ref _mode, (int)value);
    }

    /// <summary>How long <see cref="StandInMode.Slow"/> waits (ended early when the client gives up).</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Lookups received so far (control requests not counted).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The path of every request received, control requests included, in order.</summary>
    public IReadOnlyList<string> Paths => [.. _paths];

    /// <summary>The next <paramref name="count"/> lookups get 500, whatever the mode; then the mode answers again.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failNext, count);

    public static async Task<ParticipantApiStandIn> StartAsync(IReadOnlyList<Participant> participants, int port = 0, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(participants);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var standIn = new ParticipantApiStandIn(app, participants);
        app.Use((context, next) =>
        {
            standIn._paths.Enqueue(context.Request.Path.Value ?? "");
            return next(context);
        });
        app.MapGet("/participants/{kind}/{key}", standIn.LookupAsync);
        app.MapPost("/control/mode/{mode}", (string mode) =>
        {
            if (!Enum.TryParse<StandInMode>(mode, ignoreCase: true, out var parsed)) return Results.BadRequest($"unknown mode {mode}");
            standIn.Mode = parsed;
            return Results.Ok(parsed.ToString());
        });
        app.MapGet("/control/requests", () => standIn.Requests);
        await app.StartAsync(ct).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        standIn.Url = new Uri(address.TrimEnd('/') + "/");
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task LookupAsync(HttpContext context, string kind, string key)
    {
        Interlocked.Increment(ref _requests);
        var response = context.Response;
        if (TakeFailure() || Mode == StandInMode.Failing)
        {
            response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        switch (Mode)
        {
            case StandInMode.Reset:
                context.Abort();
                return;
            case StandInMode.Slow:
                try
                {
                    await Task.Delay(SlowDelay, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                break;
            case StandInMode.InvalidJson:
                await WriteAsync(response, "{\"nik\": \"3171011708850001\", \"name\": Budi"u8.ToArray()).ConfigureAwait(false);
                return;
            case StandInMode.WrongShape:
                await WriteAsync(response, "[{\"participant\": true}]"u8.ToArray()).ConfigureAwait(false);
                return;
            case StandInMode.HugeBody:
                await WriteAsync(response, new byte[1024 * 1024]).ConfigureAwait(false);
                return;
            case StandInMode.WrongParticipant:
                await WriteAsync(response, ParticipantJson.Write(_first)).ConfigureAwait(false);
                return;
        }

        var table = kind switch { "nik" => _byNik, "card" => _byCard, _ => null };
        if (table is null || !table.TryGetValue(key, out var participant))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var body = ParticipantJson.Write(participant);
        if (Mode == StandInMode.WrongTypes)
        {
            body = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(body)
                .Replace($"\"care_class\":{participant.CareClass}", "\"care_class\":\"kelas satu\"", StringComparison.Ordinal));
        }

        await WriteAsync(response, body).ConfigureAwait(false);
    }

    private bool TakeFailure()
    {
        while (true)
        {
            int left = Volatile.Read(ref _failNext);
            if (left <= 0) return false;
            if (Interlocked.CompareExchange(ref _failNext, left - 1, left) == left) return true;
        }
    }

    private static async Task WriteAsync(HttpResponse response, byte[] body)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body).ConfigureAwait(false);
    }
}
