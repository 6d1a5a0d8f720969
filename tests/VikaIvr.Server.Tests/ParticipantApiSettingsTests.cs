using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VikaIvr.Data.ParticipantApi;
using VikaIvr.Jkn.Participants;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Serve;
using VikaIvr.Server.Hosting.Settings;

namespace VikaIvr.Server.Tests;

/// <summary>Data:ParticipantApi: its checks, and `serve` using the participant service only when its URL is set.</summary>
public sealed class ParticipantApiSettingsTests
{
    private const string Expected = "expected an absolute http:// or https:// URL without query or credentials, or empty for the database";

    [Theory]
    [InlineData("")]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("https://participants.example/api/v1/")]
    public void An_empty_or_http_url_is_valid(string url)
    {
        var settings = Read(new() { ["Data:ParticipantApi:Url"] = url });

        Assert.Equal(url, settings.Data.ParticipantApi.Url);
        Assert.Equal(2000, settings.Data.ParticipantApi.TimeoutMs);
    }

    [Theory]
    [InlineData("Data:ParticipantApi:Url", "participants.example", "invalid setting Data:ParticipantApi:Url = 'participants.example': " + Expected)]
    [InlineData("Data:ParticipantApi:Url", "ftp://participants.example/", "invalid setting Data:ParticipantApi:Url = 'ftp://participants.example/': " + Expected)]
    [InlineData("Data:ParticipantApi:Url", "http://participants.example/?key=1", "invalid setting Data:ParticipantApi:Url = 'http://participants.example/?key=1': " + Expected)]
    [InlineData("Data:ParticipantApi:TimeoutMs", "10", "invalid setting Data:ParticipantApi:TimeoutMs = '10': expected milliseconds 50-60000")]
    [InlineData("Data:ParticipantApi:Retries", "11", "invalid setting Data:ParticipantApi:Retries = '11': expected a retry count 0-10")]
    [InlineData("Data:ParticipantApi:CacheSeconds", "-1", "invalid setting Data:ParticipantApi:CacheSeconds = '-1': expected seconds 0-86400 (0 = no cache)")]
    public void A_bad_value_is_one_line_naming_key_value_and_what_is_allowed(string key, string value, string expected)
    {
        var problems = Assert.Throws<SettingsException>(() => Read(new() { [key] = value })).Problems;

        Assert.Equal([expected], problems);
    }

    [Fact]
    public void Credentials_in_the_url_are_refused_and_not_echoed()
    {
        var problems = Assert.Throws<SettingsException>(() => Read(new() { ["Data:ParticipantApi:Url"] = "http://vika:s3cret@participants.example/" })).Problems;

        var line = Assert.Single(problems);
        Assert.StartsWith("invalid setting Data:ParticipantApi:Url = '(hidden)'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_asks_the_participant_service_when_its_url_is_set()
    {
        using var host = Build(new()
        {
            ["Data:ParticipantApi:Url"] = "http://127.0.0.1:9/api",
            ["Data:ParticipantApi:TimeoutMs"] = "700",
            ["Data:ParticipantApi:Retries"] = "3",
            ["Data:ParticipantApi:CacheSeconds"] = "0",
        });
        var database = new NoRepository();

        var source = host.Services.GetRequiredService<ParticipantSource>();

        Assert.IsType<HttpParticipantRepository>(source.Choose(database));
        var options = host.Services.GetRequiredService<ParticipantApiOptions>();
        Assert.Equal(new Uri("http://127.0.0.1:9/api"), options.BaseAddress);
        Assert.Equal(TimeSpan.FromMilliseconds(700), options.Timeout);
        Assert.Equal(3, options.Retries);
        Assert.Equal(TimeSpan.Zero, options.CacheDuration);
    }

    [Fact]
    public void Serve_keeps_the_database_by_default()
    {
        using var host = Build([]);
        var database = new NoRepository();

        var source = host.Services.GetRequiredService<ParticipantSource>();

        Assert.Null(source.ServiceUrl);
        Assert.Same(database, source.Choose(database));
    }

    private static VikaSettings Read(Dictionary<string, string?> values) =>
        SettingsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), "/home");

    private static IHost Build(Dictionary<string, string?> values) =>
        ServeHost.Build(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), Path.GetTempPath(), TimeProvider.System, LogLevel.None);

    private sealed class NoRepository : IParticipantRepository
    {
        public Task<Participant?> FindByNikAsync(string nik, CancellationToken ct) => throw new InvalidOperationException("not asked in these tests");

        public Task<Participant?> FindByCardAsync(string cardNumber, CancellationToken ct) => throw new InvalidOperationException("not asked in these tests");
    }
}
