namespace VikaIvr.Sip.Auth;

/// <summary>A user name and password for digest authentication; the password never appears in ToString.</summary>
public sealed record SipCredentials(string Username, string Password)
{
    public override string ToString() => "SipCredentials { Username = " + Username + " }";
}
