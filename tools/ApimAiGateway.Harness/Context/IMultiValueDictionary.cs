namespace ApimAiGateway.Harness.Context;

/// <summary>
/// Headers, query parameters and JWT claims: a name maps to all its values. The lookup helpers are instance
/// methods so that expressions bind to them rather than to
/// <c>System.Collections.Generic.CollectionExtensions.GetValueOrDefault</c>, which returns the raw array and is
/// not on APIM's list of allowed types.
/// </summary>
public interface IMultiValueDictionary : IReadOnlyDictionary<string, string[]>
{
    /// <summary>All values joined with a comma, or null when the name is absent.</summary>
    string? GetValueOrDefault(string name);

    /// <summary>All values joined with a comma, or <paramref name="defaultValue"/> when the name is absent.</summary>
    string GetValueOrDefault(string name, string defaultValue);

    /// <summary>
    /// The values as they are, or <paramref name="defaultValue"/> when the name is absent. Microsoft's own AI-Gateway
    /// labs read JWT claims this way (<c>Claims.GetValueOrDefault("oid", new string[] { "" })[0]</c>).
    /// </summary>
    string[] GetValueOrDefault(string name, string[] defaultValue);
}
