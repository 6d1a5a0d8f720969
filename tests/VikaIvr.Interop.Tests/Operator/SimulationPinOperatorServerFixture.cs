using VikaIvr.Server.Hosting;

namespace VikaIvr.Interop.Tests.Operator;

/// <summary>A server whose operator line opens with the PIN the shipped operator scripts type (the simulation PIN).</summary>
public sealed class SimulationPinOperatorServerFixture() : OperatorServerFixture(OperatorLine.SimulationPin);
