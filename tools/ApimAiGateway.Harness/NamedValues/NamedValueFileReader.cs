using ApimAiGateway.Harness.Diagnostics;
using YamlDotNet.RepresentationModel;
using ApimAiGateway.Harness.Yaml;

namespace ApimAiGateway.Harness.NamedValues;

/// <summary>
/// Reads a named-values file. JSON is read by the YAML parser (YAML 1.2 is a superset of JSON), so one reader
/// serves both formats with the same line/column reporting.
/// </summary>
internal static class NamedValueFileReader
{
    // APIM: a named value's value is at most 4096 characters (api-management-howto-properties).
    private const int MaxValueLength = 4096;
    private const long MaxFileLength = 4 * 1024 * 1024;

    public static NamedValueLoadResult ReadFile(string path)
    {
        var diagnostics = new DiagnosticBag();
        return ReadText(path, diagnostics) is { } text ? Read(text, path) : new NamedValueLoadResult(NamedValueSet.Empty, diagnostics.Items);
    }

    /// <summary>The text of a named-value or environment file, or null with a diagnostic when it cannot be read.</summary>
    public static string? ReadText(string path, DiagnosticBag diagnostics)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileLength)
            {
                diagnostics.Add(NamedValueDiagnostics.FileUnreadable, SourceLocation.StartOf(path), $"the file is {length} bytes; the limit is {MaxFileLength}");
                return null;
            }

            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Add(NamedValueDiagnostics.FileUnreadable, SourceLocation.StartOf(path), e.Message);
            return null;
        }
    }

    public static NamedValueLoadResult Read(string text, string file)
    {
        if (YamlText.Load(text, out var problem) is not { } stream)
        {
            return Failed(NamedValueDiagnostics.MalformedFile.At(YamlText.Locate(file, problem!.Start), problem.Message));
        }

        var diagnostics = new DiagnosticBag();
        var values = new Dictionary<string, NamedValue>(StringComparer.OrdinalIgnoreCase);
        if (stream.Documents.Count > 0)
        {
            if (stream.Documents[0].RootNode is YamlMappingNode root && SharedList(root) is { } list)
            {
                foreach (var item in list.Children)
                {
                    ReadListEntry(file, item, values, diagnostics);
                }
            }
            else if (stream.Documents[0].RootNode is YamlMappingNode map)
            {
                foreach (var (key, node) in map.Children)
                {
                    ReadEntry(file, key, node, values, diagnostics);
                }
            }
            else
            {
                diagnostics.Add(NamedValueDiagnostics.RootNotMapping, YamlText.Locate(file, stream.Documents[0].RootNode.Start));
            }
        }

        return new NamedValueLoadResult(NamedValueSet.From(values.Values), diagnostics.Items);
    }

    /// <summary>
    /// The file the Pulumi program deploys from (policies/named-values.json: <c>{ "namedValues": [ { name, value |
    /// keyVaultSecretName, secret } ] }</c>), so that one declaration serves both; a "$comment" key may stand beside it.
    /// </summary>
    private static YamlSequenceNode? SharedList(YamlMappingNode root) =>
        root.Children.TryGetValue(new YamlScalarNode(SharedListKey), out var node) && node is YamlSequenceNode list
        && root.Children.Keys.All(k => k is YamlScalarNode { Value: SharedListKey or "$comment" })
            ? list
            : null;

    private const string SharedListKey = "namedValues";

    private static void ReadListEntry(string file, YamlNode item, Dictionary<string, NamedValue> values, DiagnosticBag diagnostics)
    {
        if (item is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode("name"), out var nameNode) || nameNode is not YamlScalarNode)
        {
            diagnostics.Add(NamedValueDiagnostics.InvalidEntry, YamlText.Locate(file, item.Start), "(unnamed)", "each entry needs a 'name'");
            return;
        }

        var entry = new YamlMappingNode();
        foreach (var (key, node) in map.Children)
        {
            switch ((key as YamlScalarNode)?.Value)
            {
                case "name":
                    break;
                case "keyVaultSecretName":
                    entry.Add("keyVault", new YamlMappingNode { { "secretName", node } });
                    break;
                default:
                    entry.Add(key, node);
                    break;
            }
        }

        ReadEntry(file, nameNode, entry, values, diagnostics);
    }

    private static void ReadEntry(
        string file, YamlNode key, YamlNode node, Dictionary<string, NamedValue> values, DiagnosticBag diagnostics)
    {
        var location = YamlText.Locate(file, key.Start);
        var name = (key as YamlScalarNode)?.Value ?? string.Empty;
        if (!NamedValueNames.IsValid(name))
        {
            diagnostics.Add(NamedValueDiagnostics.InvalidName, location, name);
            return;
        }

        if (values.ContainsKey(name))
        {
            diagnostics.Add(NamedValueDiagnostics.DuplicateName, location, name);
            return;
        }

        var entry = node switch
        {
            YamlScalarNode scalar => new NamedValue(name, scalar.Value ?? string.Empty, false, null, location),
            YamlMappingNode map => ReadMapEntry(name, location, map, file, diagnostics),
            _ => Invalid(name, node, file, "a list is not allowed", diagnostics),
        };
        if (entry is null)
        {
            return;
        }

        if (IsAcceptedValue(name, entry.Value, location, diagnostics))
        {
            values.Add(name, entry);
        }
    }

    /// <summary>APIM's limits on a value, wherever it is given: not empty or white space, at most 4096 characters.</summary>
    public static bool IsAcceptedValue(string name, string value, SourceLocation location, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            diagnostics.Add(NamedValueDiagnostics.EmptyValue, location, name);
            return false;
        }

        if (value.Length > MaxValueLength)
        {
            diagnostics.Add(NamedValueDiagnostics.ValueTooLong, location, name, value.Length, MaxValueLength);
            return false;
        }

        return true;
    }

    private static NamedValue? ReadMapEntry(string name, SourceLocation location, YamlMappingNode map, string file, DiagnosticBag diagnostics)
    {
        string? value = null;
        var secret = false;
        string? secretName = null;
        foreach (var (key, node) in map.Children)
        {
            switch ((key as YamlScalarNode)?.Value)
            {
                case "value" when node is YamlScalarNode scalar:
                    value = scalar.Value;
                    break;
                case "secret" when node is YamlScalarNode { Value: "true" or "false" } flag:
                    secret = flag.Value == "true";
                    break;
                case "keyVault" when node is YamlMappingNode keyVault:
                    secretName = ReadSecretName(keyVault);
                    if (secretName is null)
                    {
                        return Invalid(name, keyVault, file, "'keyVault' needs a 'secretName'", diagnostics);
                    }

                    break;
                default:
                    return Invalid(name, key, file, "unknown key or wrong type of value", diagnostics);
            }
        }

        // A Key Vault value lives outside the repository; without an explicit placeholder, one is derived from the
        // secret's name so policies still read and compile.
        value ??= secretName is null ? null : $"keyvault-placeholder:{secretName}";
        return value is null
            ? Invalid(name, map, file, "'value' is missing", diagnostics)
            : new NamedValue(name, value, secret || secretName is not null, secretName, location);
    }

    private static string? ReadSecretName(YamlMappingNode keyVault) =>
        keyVault.Children.TryGetValue(new YamlScalarNode("secretName"), out var node) && node is YamlScalarNode { Value: { Length: > 0 } secretName }
            ? secretName
            : null;

    private static NamedValue? Invalid(string name, YamlNode at, string file, string reason, DiagnosticBag diagnostics)
    {
        diagnostics.Add(NamedValueDiagnostics.InvalidEntry, YamlText.Locate(file, at.Start), name, reason);
        return null;
    }

    private static NamedValueLoadResult Failed(Diagnostic diagnostic) => new(NamedValueSet.Empty, [diagnostic]);
}
