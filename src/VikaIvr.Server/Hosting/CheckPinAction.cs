using System.Security.Cryptography;
using System.Text;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Server.Hosting;

/// <summary>
/// `check-pin`: compares the collected variable <c>pin</c> with the operator PIN, in constant time.
/// The entry is removed from the variables at once, and neither it nor the PIN is ever logged.
/// Outcomes: ok, not-verified.
/// </summary>
public sealed class CheckPinAction(OperatorLine line) : IFlowAction
{
    public const string Variable = "pin";

    public string Name => "check-pin";

    public Task<FlowActionResult> ExecuteAsync(FlowVariables variables, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(variables);
        string entered = variables[Variable] ?? "";
        variables.Remove(Variable);
        bool ok = line.IsOpen && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(entered)), SHA256.HashData(Encoding.UTF8.GetBytes(line.Pin)));
        return Task.FromResult(ok ? FlowActionResult.Success() : new FlowActionResult(FlowActionResult.NotVerified));
    }
}
