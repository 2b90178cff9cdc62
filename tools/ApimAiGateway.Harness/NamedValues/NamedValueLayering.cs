using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.NamedValues;

/// <summary>
/// An environment's named values: the catalog (policies/named-values.json) with an environment file's values laid
/// over it. An environment may only replace the value of a plain named value the catalog declares; a secret keeps the
/// placeholder the catalog gives it offline (see docs/named-values.md) and its real value lives in Key Vault.
/// </summary>
public static class NamedValueLayering
{
    /// <summary>
    /// Reads the catalog and lays the environment file over it. Both are optional: without a catalog every value the
    /// environment sets is undeclared; without an environment file this is the catalog alone.
    /// </summary>
    public static NamedValueLoadResult Load(string? catalogFile, string? environmentFile)
    {
        var diagnostics = new DiagnosticBag();
        var set = LoadInto(catalogFile, environmentFile, diagnostics) ?? NamedValueSet.Empty;
        return new NamedValueLoadResult(set, diagnostics.Items);
    }

    /// <summary>Lays environment-file text over an already loaded catalog; <paramref name="catalogFile"/> names it in diagnostics.</summary>
    public static NamedValueLoadResult Parse(NamedValueSet catalog, string catalogFile, string environmentText, string environmentFile)
    {
        var diagnostics = new DiagnosticBag();
        var overrides = NamedValueOverlayReader.Read(environmentText, environmentFile, diagnostics);
        return new NamedValueLoadResult(Apply(catalog, catalogFile, overrides, diagnostics), diagnostics.Items);
    }

    /// <returns>Null when neither file is given: no set at all, so references are left as written (see <see cref="NamedValueSubstituter"/>).</returns>
    internal static NamedValueSet? LoadInto(string? catalogFile, string? environmentFile, DiagnosticBag diagnostics)
    {
        if (catalogFile is null && environmentFile is null)
        {
            return null;
        }

        var catalog = NamedValueSet.Empty;
        if (catalogFile is not null)
        {
            var loaded = NamedValueSet.Load(catalogFile);
            diagnostics.AddRange(loaded.Diagnostics);
            catalog = loaded.Set;
        }

        return environmentFile is null
            ? catalog
            : Apply(catalog, catalogFile ?? "the catalog", NamedValueOverlayReader.ReadFile(environmentFile, diagnostics), diagnostics);
    }

    private static NamedValueSet Apply(NamedValueSet catalog, string catalogFile, IReadOnlyList<NamedValueOverride> overrides, DiagnosticBag diagnostics)
    {
        var replaced = new Dictionary<string, NamedValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in overrides)
        {
            if (!catalog.TryGet(entry.Name, out var declared))
            {
                var suggestion = NameSuggester.Suggest(entry.Name, catalog.Values.Select(v => v.Name));
                diagnostics.Add(NamedValueDiagnostics.UnknownOverride, entry.Location, entry.Name, catalogFile, StructureDiagnostics.DidYouMean(suggestion));
            }
            else if (declared.IsSecret)
            {
                diagnostics.Add(NamedValueDiagnostics.SecretOverride, entry.Location, entry.Name);
            }
            else if (NamedValueFileReader.IsAcceptedValue(entry.Name, entry.Value, entry.Location, diagnostics))
            {
                // The catalog's spelling of the name is kept: it is the resource APIM holds; the location is where the value was set.
                replaced[declared.Name] = declared with { Value = entry.Value, Location = entry.Location };
            }
        }

        return replaced.Count == 0 ? catalog : NamedValueSet.From(catalog.Values.Select(v => replaced.GetValueOrDefault(v.Name, v)));
    }
}
