namespace VikaIvr.Server.Hosting.Serve;

/// <summary>A part of `serve` that cannot start: the lines say why (printed as they are, exit status 1).</summary>
public sealed class ServeStartException(IReadOnlyList<string> lines) : Exception(string.Join(Environment.NewLine, lines))
{
    public ServeStartException(string line) : this([line]) { }

    public IReadOnlyList<string> Lines { get; } = lines;
}
