namespace VikaIvr.Data.FlowRevisions;

/// <summary>Where a flow revision came from (flow_revisions.source).</summary>
public static class FlowRevisionSources
{
    /// <summary>The configured flow file (Flow:File), read at start or on SIGHUP.</summary>
    public const string File = "file";

    /// <summary>Uploaded or edited in the web console.</summary>
    public const string Console = "console";

    /// <summary>`vika flow reload`.</summary>
    public const string Cli = "cli";
}
