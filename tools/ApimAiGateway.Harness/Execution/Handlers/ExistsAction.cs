using ApimAiGateway.Harness.Context.Runtime;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// The exists-action of set-header and set-query-parameter (apim-reference §4.2, §4.3): override (the default)
/// replaces the values, skip keeps an existing entry, append adds to it, delete removes it.
/// </summary>
internal static class ExistsAction
{
    public static void Apply(MultiValueDictionary entries, string name, string action, IReadOnlyList<string> values)
    {
        switch (action)
        {
            case "delete":
                entries.Remove(name);
                break;
            case "skip" when entries.ContainsKey(name):
                break;
            case "append":
                foreach (var value in values)
                {
                    entries.Append(name, value);
                }

                break;
            default:
                entries.Remove(name);
                foreach (var value in values)
                {
                    entries.Append(name, value);
                }

                break;
        }
    }
}
