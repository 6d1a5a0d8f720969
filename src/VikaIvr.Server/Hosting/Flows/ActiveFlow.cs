using VikaIvr.Flows.Model;
using VikaIvr.Flows.Runtime;

namespace VikaIvr.Server.Hosting.Flows;

/// <summary>The VIKA flow new calls run: one revision, checked and ready. Never changed once made.</summary>
public sealed record ActiveFlow(long Revision, string Author, string ContentHash, FlowDefinition Flow, FlowInterpreter Interpreter);
