namespace VikaIvr.Sip.Message;

/// <summary>Method names; parsing returns these exact instances for well-known methods.</summary>
public static class SipMethods
{
    public const string Invite = "INVITE";
    public const string Ack = "ACK";
    public const string Bye = "BYE";
    public const string Cancel = "CANCEL";
    public const string Options = "OPTIONS";
    public const string Register = "REGISTER";
    public const string Info = "INFO";
    public const string Prack = "PRACK";
    public const string Update = "UPDATE";
    public const string Subscribe = "SUBSCRIBE";
    public const string Notify = "NOTIFY";
    public const string Refer = "REFER";
    public const string Message = "MESSAGE";
    public const string Publish = "PUBLISH";

    private static readonly string[] Known =
        [Invite, Ack, Bye, Cancel, Options, Register, Info, Prack, Update, Subscribe, Notify, Refer, Message, Publish];

    /// <summary>True for the methods above (method names are case-sensitive).</summary>
    public static bool IsKnown(string method) => Array.IndexOf(Known, method) >= 0;

    /// <summary>The interned constant for a well-known method, otherwise a new string.</summary>
    public static string Intern(ReadOnlySpan<char> method)
    {
        foreach (var known in Known)
        {
            if (method.SequenceEqual(known))
            {
                return known;
            }
        }

        return method.ToString();
    }

    /// <summary>The interned constant for a well-known method, otherwise a new string (bytes are ASCII).</summary>
    public static string Intern(ReadOnlySpan<byte> method)
    {
        foreach (var known in Known)
        {
            if (System.Text.Ascii.Equals(method, known))
            {
                return known;
            }
        }

        return System.Text.Encoding.UTF8.GetString(method);
    }
}
