namespace ApimAiGateway.Harness.Context.Runtime;

/// <summary>
/// Context variables of one request. Names are case-sensitive (APIM documents no other rule). Policies write
/// through <see cref="Set"/> and <see cref="Remove"/>; expressions only read.
/// </summary>
public sealed class VariableStore() : NameKeyedDictionary<object>(StringComparer.Ordinal), IVariables
{
    public void Set(string name, object value) => Items[name] = value;

    public bool Remove(string name) => Items.Remove(name);

    public T? GetValueOrDefault<T>(string name) => GetValueOrDefault<T?>(name, default);

    public object? GetValueOrDefault(string name) => TryGetValue(name, out var value) ? value : null;

    public T GetValueOrDefault<T>(string name, T defaultValue)
    {
        if (!Items.TryGetValue(name, out var value))
        {
            return defaultValue;
        }

        return value is T typed
            ? typed
            : throw new InvalidCastException(
                $"Variable '{name}' holds a {value.GetType().FullName}, not a {typeof(T).FullName}.");
    }
}
