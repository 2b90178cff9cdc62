using ApimAiGateway.Harness.Analysis.Structure;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Policies;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Repository;

namespace ApimAiGateway.Harness.Tests.RealWorld;

/// <summary>Reads and structure-checks a policy the way the linter does, without compiling its expressions.</summary>
internal static class PublishedPolicyStructure
{
    public static IReadOnlyList<Diagnostic> Check(string xml)
    {
        var read = new PolicyReader().Read(xml, "policy.xml");
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(read.Diagnostics);
        if (read.Document is { } document)
        {
            new StructureValidator(PolicyCatalog.Default, new FragmentIndex(), diagnostics).Validate(document, PolicyScopes.Api);
        }

        return diagnostics.Items.ToList();
    }
}
