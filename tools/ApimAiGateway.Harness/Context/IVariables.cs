namespace ApimAiGateway.Harness.Context;

/// <summary>
/// <c>context.Variables</c>: values stored by <c>set-variable</c> and by policies' <c>*-variable-name</c> outputs.
/// The indexer throws for a missing name, like any read-only dictionary.
/// </summary>
public interface IVariables : IReadOnlyDictionary<string, object>
{
    /// <summary>
    /// The variable as <typeparamref name="T"/>, or <c>default</c> when it is not set. Throws
    /// <see cref="InvalidCastException"/> when it is set to a value of another type: "This method throws an
    /// exception if the specified type doesn't match the actual type of the returned variable"
    /// ("API Management policy expressions", GetValueOrDefault). Microsoft's policy toolkit returns the default
    /// instead; the docs win.
    /// </summary>
    T? GetValueOrDefault<T>(string name);

    /// <summary>
    /// The variable as stored, or null when it is missing. The get-authorization-context page's examples call
    /// <c>context.Variables.GetValueOrDefault("name")</c> without a type argument.
    /// </summary>
    object? GetValueOrDefault(string name);

    /// <summary>As <see cref="GetValueOrDefault{T}(string)"/>, with <paramref name="defaultValue"/> for a missing name.</summary>
    T GetValueOrDefault<T>(string name, T defaultValue);
}
