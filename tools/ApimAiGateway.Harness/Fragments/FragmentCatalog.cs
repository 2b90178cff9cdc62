using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.NamedValues;
using ApimAiGateway.Harness.Repository;

namespace ApimAiGateway.Harness.Fragments;

/// <summary>
/// The fragments of a repository as their contracts describe them, in id order, with the named values the repository
/// declares (policies/named-values.json) so the catalog can say which ones a fragment needs and which are secrets.
/// </summary>
public sealed record FragmentCatalog(IReadOnlyList<FragmentContract> Fragments, NamedValueSet NamedValues, IReadOnlyList<Diagnostic> Diagnostics)
{
    public const string NamedValuesFile = NamedValueEnvironments.CatalogFileName;

    /// <summary>True when every fragment has a usable contract and nothing was reported.</summary>
    public bool IsComplete => Diagnostics.Count == 0;

    /// <summary>Reads fragments/*.xml and policies/named-values.json under <paramref name="repositoryRoot"/>.</summary>
    public static FragmentCatalog Load(string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(repositoryRoot);
        var diagnostics = new DiagnosticBag();
        var declared = NamedValueLayering.LoadInto(NamedValueEnvironments.ExistingCatalogOf(repositoryRoot), null, diagnostics);

        var directory = Path.Combine(repositoryRoot, PolicyLayout.FragmentsDirectory);
        var files = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*" + PolicyLayout.PolicyFileExtension, SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 0)
        {
            diagnostics.Add(InputDiagnostics.NoPolicyFiles, SourceLocation.StartOf(directory), directory);
        }

        var contracts = new List<FragmentContract>();
        foreach (var file in files)
        {
            var read = FragmentContractReader.ReadFile(file, declared);
            diagnostics.AddRange(read.Diagnostics);
            if (read.Contract is { } contract)
            {
                contracts.Add(contract);
            }
        }

        return new FragmentCatalog([.. contracts.OrderBy(c => c.Id, StringComparer.Ordinal)], declared ?? NamedValueSet.Empty, diagnostics.Items);
    }
}
