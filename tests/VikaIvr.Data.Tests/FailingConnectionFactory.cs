using System.Data.Common;

namespace VikaIvr.Data.Tests;

/// <summary>A store that cannot be reached at all.</summary>
internal sealed class FailingConnectionFactory : IDbConnectionFactory
{
    public Task<DbConnection> OpenAsync(CancellationToken ct) =>
        Task.FromException<DbConnection>(new IOException("disk unplugged"));
}
