using System.Security.Cryptography;
using System.Text;
using VikaIvr.Flows.Ports;
using VikaIvr.Server.Hosting.Operator;

namespace VikaIvr.Server.Hosting;

/// <summary>
/// `check-pin`: compares the collected variable <c>pin</c> with the operator PIN, in constant time.
/// The entry is removed from the variables at once, and neither it nor the PIN is ever logged.
/// While the caller is locked out (<see cref="IOperatorPinGuard"/>) the entry is not compared at
/// all and the outcome is the wrong PIN's, so neither the prompt nor its timing tells the lock.
/// Outcomes: ok, not-verified.
/// </summary>
public sealed class CheckPinAction(OperatorLine line, IOperatorPinGuard guard) : IFlowAction
{
    public const string Variable = "pin";

    public string Name => "check-pin";

    public Task<FlowActionResult> ExecuteAsync(FlowVariables variables, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(variables);
        string entered = variables[Variable] ?? "";
        variables.Remove(Variable);
        if (!line.IsOpen || !guard.Admits())
        {
            return Task.FromResult(new FlowActionResult(FlowActionResult.NotVerified));
        }

        bool ok = CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(entered)), SHA256.HashData(Encoding.UTF8.GetBytes(line.Pin)));
        if (ok) guard.Passed(); else guard.Failed();
        return Task.FromResult(ok ? FlowActionResult.Success() : new FlowActionResult(FlowActionResult.NotVerified));
    }
}
