namespace VikaIvr.Testing.Caller;

/// <summary>The command-line names of <see cref="TestCallerDtmfMode"/>: rfc4733, info, inband.</summary>
public static class TestCallerDtmfModes
{
    public static bool TryParse(string? text, out TestCallerDtmfMode mode)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "rfc4733" or "rfc2833" or "rtp":
                mode = TestCallerDtmfMode.Rfc4733;
                return true;
            case "info" or "sip-info":
                mode = TestCallerDtmfMode.Info;
                return true;
            case "inband" or "in-band":
                mode = TestCallerDtmfMode.InBand;
                return true;
            default:
                mode = default;
                return false;
        }
    }

    public static string Name(TestCallerDtmfMode mode) => mode switch
    {
        TestCallerDtmfMode.Info => "info",
        TestCallerDtmfMode.InBand => "inband",
        _ => "rfc4733",
    };
}
