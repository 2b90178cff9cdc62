using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.NamedValues;

/// <summary>
/// One named value of an environment. <see cref="Location"/> is where it is defined in the named-values file.
/// For secret and Key Vault values <see cref="Value"/> is the placeholder kept in the repository.
/// </summary>
public sealed record NamedValue(string Name, string Value, bool IsSecret, string? KeyVaultSecretName, SourceLocation Location)
{
    /// <summary>Never prints a secret's value, so logging a named value cannot leak it.</summary>
    public override string ToString() => IsSecret ? $"{Name} = (secret)" : $"{Name} = {Value}";
}
