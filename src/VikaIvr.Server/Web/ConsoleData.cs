using VikaIvr.Data;
using VikaIvr.Data.Audit;
using VikaIvr.Data.CallRecords;
using VikaIvr.Data.PromptVersions;
using VikaIvr.Data.Users;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Serve;

namespace VikaIvr.Server.Web;

/// <summary>
/// The console's way to `serve`'s database: the stores over the one database the call flows opened.
/// The admin endpoint starts before the database is open, so every store is made per use; a page
/// asked for before that gets <see cref="ConsoleNotReadyException"/> (shown as "still starting").
/// </summary>
public sealed class ConsoleData(CallFlowsService flows, VikaServices services, TimeProvider clock)
{
    public IVikaDatabase Database
    {
        get
        {
            try
            {
                return flows.Database;
            }
            catch (InvalidOperationException ex)
            {
                throw new ConsoleNotReadyException("the server is still starting: its database is not open yet", ex);
            }
        }
    }

    public UserStore Users => new(Database);

    public AuditLog Audit => new(Database, clock);

    public DbCallRecordStore CallRecords => new(Database, services.NodeId);

    public PromptVersionStore PromptVersions => new(Database);
}
