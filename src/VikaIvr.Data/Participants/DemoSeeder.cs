using System.Data.Common;
using Dapper;
using VikaIvr.Jkn.Participants;
using VikaIvr.Jkn.Time;

namespace VikaIvr.Data.Participants;

/// <summary>
/// Writes VIKA.md's six demo participants. Their "paid through" is relative to the current
/// month, so it is stored as an absolute month computed from the clock, and the rows are
/// upserted on every start: the demo table is right whichever month the demo runs in
/// (a server running across a month boundary is right again after a restart).
/// </summary>
public static class DemoSeeder
{
    public static void Seed(DbConnection connection, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(clock);
        var rows = DemoParticipants.For(JakartaTime.CurrentMonth(clock));
        using var tx = connection.BeginTransaction();
        foreach (var p in rows)
        {
            connection.Execute(ParticipantColumns.Insert + """

                ON CONFLICT (nik) DO UPDATE SET
                    card = excluded.card, name = excluded.name, birth_date = excluded.birth_date,
                    segment = excluded.segment, care_class = excluded.care_class, status = excluded.status,
                    inactive_reason = excluded.inactive_reason, paid_through = excluded.paid_through,
                    origin = excluded.origin
                """,
                new
                {
                    nik = p.Nik,
                    card = p.CardNumber,
                    name = p.Name,
                    birth_date = ParticipantColumns.BirthDate(p.BirthDate),
                    segment = SegmentCodes.Code(p.Segment),
                    care_class = p.CareClass,
                    status = ParticipantColumns.Status(p.Status),
                    inactive_reason = ParticipantColumns.Reason(p.InactiveReason),
                    paid_through = p.PaidThrough?.ToString(),
                    origin = "demo",
                },
                tx);
        }
        tx.Commit();
    }
}
