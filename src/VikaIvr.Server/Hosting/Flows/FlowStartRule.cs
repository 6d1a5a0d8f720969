using VikaIvr.Data.FlowRevisions;
using VikaIvr.Flows.Loading;

namespace VikaIvr.Server.Hosting.Flows;

/// <summary>
/// Which revision `vika serve` starts with. An empty table: the flow file becomes revision 1 and is
/// activated. A flow file whose text differs from the newest revision read from the file: it was
/// edited since, so it is stored as a new revision and activated (an edited file wins at the next
/// start). Otherwise the active revision stays (a console or CLI activation survives a restart).
/// The file is checked before it is stored; an invalid one throws <see cref="FlowValidationException"/>.
/// </summary>
public static class FlowStartRule
{
    public const string Author = "vika serve";

    public static async Task<FlowStartChoice> ChooseAsync(FlowRevisionStore store, string filePath, string fileYaml, FlowRevisionCheck check,
        DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(check);
        string hash = FlowRevisionStore.Hash(fileYaml);
        var active = await store.GetActiveAsync(ct).ConfigureAwait(false);
        var fromFile = await store.GetLatestFromFileAsync(ct).ConfigureAwait(false);

        bool fileChanged = fromFile is null ? active is null || active.ContentHash != hash : fromFile.ContentHash != hash;
        if (active is not null && !fileChanged) return new FlowStartChoice(active, Stored: false);
        if (active is null && fromFile is not null && !fileChanged)
        {
            // Stored but never activated (a start that stopped between the two steps): activate it now.
            await store.ActivateAsync(fromFile.Id, now, ct).ConfigureAwait(false);
            fromFile.ActivatedAt = now.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            return new FlowStartChoice(fromFile, Stored: false);
        }

        var (_, errors) = check.Check(fileYaml, filePath);
        if (errors.Count > 0) throw new FlowValidationException(errors);
        var added = await store.AddAsync(fileYaml, Author, FlowRevisionSources.File, "the flow file at start", now, ct).ConfigureAwait(false);
        await store.ActivateAsync(added.Id, now, ct).ConfigureAwait(false);
        added.ActivatedAt = now.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return new FlowStartChoice(added, Stored: true);
    }
}
