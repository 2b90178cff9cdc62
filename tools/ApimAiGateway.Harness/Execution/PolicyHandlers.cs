namespace ApimAiGateway.Harness.Execution;

/// <summary>
/// The built-in policy handlers: every <see cref="IPolicyHandler"/> in Execution/Handlers, one file per policy,
/// found by type so adding a policy is adding its file.
/// </summary>
public static class PolicyHandlers
{
    private static readonly Lazy<IReadOnlyList<IPolicyHandler>> BuiltIn = new(() =>
        typeof(PolicyHandlers).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPolicyHandler).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IPolicyHandler)Activator.CreateInstance(t)!)
            .OrderBy(h => h.PolicyName, StringComparer.Ordinal)
            .ToList());

    public static PolicyHandlerRegistry CreateRegistry() => new(BuiltIn.Value);
}
