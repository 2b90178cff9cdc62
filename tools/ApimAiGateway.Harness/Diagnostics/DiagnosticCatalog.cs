using System.Reflection;

namespace ApimAiGateway.Harness.Diagnostics;

/// <summary>
/// Every diagnostic the harness defines, found on the descriptor classes of this folder. It feeds the documented
/// code table and the rule list of SARIF reports, so neither can drift from the code.
/// </summary>
public static class DiagnosticCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, DiagnosticDescriptor>> Descriptors = new(Discover);

    public static IReadOnlyCollection<DiagnosticDescriptor> All => [.. Descriptors.Value.Values.OrderBy(d => d.Code, StringComparer.Ordinal)];

    public static DiagnosticDescriptor? Find(string code) => Descriptors.Value.GetValueOrDefault(code);

    private static IReadOnlyDictionary<string, DiagnosticDescriptor> Discover()
    {
        var found = new Dictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        var holders = typeof(DiagnosticCatalog).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Namespace == typeof(DiagnosticCatalog).Namespace);
        foreach (var holder in holders)
        {
            foreach (var field in holder.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(DiagnosticDescriptor)))
            {
                var descriptor = (DiagnosticDescriptor)field.GetValue(null)!;
                if (!found.TryAdd(descriptor.Code, descriptor))
                {
                    throw new InvalidOperationException($"Diagnostic code {descriptor.Code} is declared twice ({holder.Name}.{field.Name}).");
                }
            }
        }

        return found;
    }
}
