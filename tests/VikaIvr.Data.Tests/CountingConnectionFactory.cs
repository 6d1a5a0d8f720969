using System.Data.Common;

namespace VikaIvr.Data.Tests;

/// <summary>Opens the connections of another factory, counting them and keeping the last; can be made to fail like a store that cannot be reached.</summary>
internal sealed class CountingConnectionFactory(IDbConnectionFactory inner) : IDbConnectionFactory
{
    public int Opened { get; private set; }

    public DbConnection? Last { get; private set; }

    /// <summary>While set, opening fails as <see cref="FailingConnectionFactory"/> does.</summary>
    public bool Failing { get; set; }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (Failing) throw new IOException("disk unplugged");
        Last = await inner.OpenAsync(ct);
        Opened++;
        return Last;
    }
}
