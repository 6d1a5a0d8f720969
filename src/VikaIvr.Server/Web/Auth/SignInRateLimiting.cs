using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using VikaIvr.Server.Web.Text;

namespace VikaIvr.Server.Web.Auth;

/// <summary>
/// ASP.NET Core's rate limiter in front of the sign-in form: each client address may post it
/// <see cref="SignInLimits.PostsPerAddressBurst"/> times in a burst, then once per
/// <see cref="SignInLimits.PostReplenishment"/> (a token bucket), whatever the names; beyond that
/// the answer is 429 with Retry-After and a short page saying when to try again. Everything else
/// the console serves is not limited here. The per-name and per-address lockouts after failures
/// are <see cref="SignInThrottle"/>'s.
/// </summary>
public static class SignInRateLimiting
{
    public const string SignInPath = "/signin";

    public static IServiceCollection AddSignInLimits(this IServiceCollection services, SignInLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        services.AddSingleton(limits);
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInPost(context.Request)
                    ? RateLimitPartition.GetTokenBucketLimiter(ClientAddress(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limits.PostsPerAddressBurst,
                        TokensPerPeriod = 1,
                        ReplenishmentPeriod = limits.PostReplenishment,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = RejectedAsync;
        });
        return services;
    }

    /// <summary>The address a request came from ("unknown" when the server cannot tell).</summary>
    public static string ClientAddress(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        return address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    private static bool IsSignInPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && string.Equals(request.Path.Value?.TrimEnd('/'), SignInPath, StringComparison.OrdinalIgnoreCase);

    private static async ValueTask RejectedAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var response = rejected.HttpContext.Response;
        int seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/html; charset=utf-8";
        var text = rejected.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SignInText>>();
        string message = WebUtility.HtmlEncode(string.Format(CultureInfo.InvariantCulture, text["TooManyPosts"], seconds));
        string again = WebUtility.HtmlEncode(text["TryAgain"]);
        await response.WriteAsync(
            $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>429</title></head>" +
            $"<body style=\"font: 15px system-ui, sans-serif; margin: 2rem\"><p data-test=\"signin-rate-limited\">{message}</p><p><a href=\"{SignInPath}\">{again}</a></p></body></html>",
            ct).ConfigureAwait(false);
    }
}
