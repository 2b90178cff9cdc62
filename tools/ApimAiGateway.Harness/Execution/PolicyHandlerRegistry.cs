using System.Diagnostics.CodeAnalysis;

namespace ApimAiGateway.Harness.Execution;

/// <summary>The policy handlers of the executor, by element name; registering a name twice is a startup error.</summary>
public sealed class PolicyHandlerRegistry
{
    private readonly Dictionary<string, IPolicyHandler> _handlers = new(StringComparer.Ordinal);

    public PolicyHandlerRegistry(IEnumerable<IPolicyHandler> handlers)
    {
        foreach (var handler in handlers)
        {
            if (!_handlers.TryAdd(handler.PolicyName, handler))
            {
                throw new InvalidOperationException($"Two handlers are registered for policy '{handler.PolicyName}'.");
            }
        }
    }

    public IReadOnlyCollection<string> Names => _handlers.Keys;

    public bool TryGet(string name, [NotNullWhen(true)] out IPolicyHandler? handler) => _handlers.TryGetValue(name, out handler);
}
