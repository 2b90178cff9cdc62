namespace ApimAiGateway.Harness.Context;

/// <summary>
/// <c>context.Request.MatchedParameters</c>: URL template parameter values. The lookup helpers are instance
/// methods for the same binding reason as <see cref="IMultiValueDictionary"/>.
/// </summary>
public interface IMatchedParameters : IReadOnlyDictionary<string, string>
{
    /// <summary>The value, or null when the parameter is absent.</summary>
    string? GetValueOrDefault(string name);

    /// <summary>The value, or <paramref name="defaultValue"/> when the parameter is absent.</summary>
    string GetValueOrDefault(string name, string defaultValue);
}
