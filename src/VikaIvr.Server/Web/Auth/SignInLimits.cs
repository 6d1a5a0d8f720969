namespace VikaIvr.Server.Web.Auth;

/// <summary>
/// How hard the sign-in form pushes back. Failures lock a name (or a client address) for a while
/// (<see cref="SignInThrottle"/>); separately, the rate limiter caps how many sign-in posts one
/// address may send at all (<see cref="SignInRateLimiting"/>).
/// </summary>
public sealed record SignInLimits
{
    /// <summary>Failed attempts for one name before further attempts for it are refused for a while.</summary>
    public int FailuresPerName { get; init; } = 3;

    /// <summary>Failed attempts from one client address (any names) before it is refused for a while.</summary>
    public int FailuresPerAddress { get; init; } = 10;

    /// <summary>The first refusal's length; each further failure after it doubles it.</summary>
    public TimeSpan FirstLockout { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxLockout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures older than this (and no lockout running) are forgotten.</summary>
    public TimeSpan ForgetAfter { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in posts one address may send in a burst (the rate limiter's bucket).</summary>
    public int PostsPerAddressBurst { get; init; } = 20;

    /// <summary>How often one more post is allowed once the burst is spent.</summary>
    public TimeSpan PostReplenishment { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>Names and addresses remembered at most (oldest forgotten first), so a flood of made-up names cannot fill memory.</summary>
    public int MaxTracked { get; init; } = 10_000;
}
