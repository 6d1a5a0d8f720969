using VikaIvr.Flows.Ports;
using VikaIvr.Flows.Runtime;

namespace VikaIvr.Flows.Tests.Fakes;

/// <summary>verify-participant knows one participant (Budi); load-status/load-bill set fixed sentences.</summary>
public static class FakeActions
{
    public const string BudiNik = "3171011708850001";
    public const string BudiDob = "17081985";

    public static FlowComponents Create(Func<bool>? dataFails = null) => new(
        [
            new Delegate("verify-participant", v =>
                v["id"] == BudiNik && v["dob"] == BudiDob ? FlowActionResult.Ok : FlowActionResult.NotVerified, dataFails),
            new Delegate("load-status", v =>
            {
                v.Set("status_sentence", "Peserta atas nama Budi Santoso, kelas tiga, status kepesertaan aktif.");
                return FlowActionResult.Ok;
            }, dataFails),
            new Delegate("load-bill", v =>
            {
                v.Set("bill_sentence", "Tidak ada tunggakan.");
                return FlowActionResult.Ok;
            }, dataFails),
        ],
        [new LengthValidator("nik-or-card", 13, 16), new LengthValidator("birth-date", 8, 8)]);

    private sealed class Delegate(string name, Func<FlowVariables, string> run, Func<bool>? fails) : IFlowAction
    {
        public string Name => name;

        public Task<FlowActionResult> ExecuteAsync(FlowVariables variables, CancellationToken ct)
        {
            if (fails?.Invoke() == true) throw new InvalidOperationException("database is locked for 3171011708850001");
            return Task.FromResult(new FlowActionResult(run(variables)));
        }
    }

    private sealed class LengthValidator(string name, params int[] lengths) : IDigitValidator
    {
        public string Name => name;
        public bool IsValid(string digits, DateTimeOffset now) => Array.IndexOf(lengths, digits.Length) >= 0;
    }
}
