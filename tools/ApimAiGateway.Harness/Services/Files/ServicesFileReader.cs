using System.Globalization;
using ApimAiGateway.Harness.Diagnostics;
using YamlDotNet.RepresentationModel;
using ApimAiGateway.Harness.Yaml;

namespace ApimAiGateway.Harness.Services.Files;

/// <summary>Walks the YAML tree of one services file, keeping what is valid and reporting the rest where it is written.</summary>
internal sealed class ServicesFileReader(string file)
{
    private static readonly string[] RootKeys = ["services"];
    private static readonly string[] ServiceKeys = ["baseUrl", "responses"];

    private readonly DiagnosticBag _diagnostics = new();

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics.Items;

    public IReadOnlyList<ServiceDefinition> ReadRoot(YamlNode root)
    {
        if (root is not YamlMappingNode map)
        {
            Report(ServiceDiagnostics.WrongShape, root, "The services file", "a map with a 'services' key");
            return [];
        }

        YamlNode? services = null;
        foreach (var (_, value) in Entries(map, "the services file", RootKeys))
        {
            services = value;
        }

        if (services is null)
        {
            Report(ServiceDiagnostics.MissingKey, root, "The services file", "services");
            return [];
        }

        if (services is not YamlMappingNode serviceMap)
        {
            Report(ServiceDiagnostics.WrongShape, services, "'services'", "a map from service name to service");
            return [];
        }

        var definitions = new List<ServiceDefinition>();
        foreach (var (key, node) in serviceMap.Children)
        {
            if (ReadService(key, node) is { } definition)
            {
                AddUnlessPlaceTaken(definition, definitions);
            }
        }

        return definitions;
    }

    private void AddUnlessPlaceTaken(ServiceDefinition definition, List<ServiceDefinition> definitions)
    {
        var route = definition.Route;
        if (definitions.Find(other => other.Route.SharesPlaceWith(route)) is { } taken)
        {
            _diagnostics.Add(ServiceDiagnostics.DuplicateRoute, definition.Location, definition.Name, taken.Name, definition.BaseUrl);
            return;
        }

        definitions.Add(definition);
    }

    private ServiceDefinition? ReadService(YamlNode key, YamlNode node)
    {
        var name = (key as YamlScalarNode)?.Value;
        if (string.IsNullOrEmpty(name))
        {
            Report(ServiceDiagnostics.WrongShape, key, "A service name", "a non-empty string");
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            Report(ServiceDiagnostics.WrongShape, node, $"Service '{name}'", "a map with 'baseUrl' and 'responses'");
            return null;
        }

        YamlNode? baseUrlNode = null;
        YamlNode? responsesNode = null;
        foreach (var (entry, value) in Entries(map, $"service '{name}'", ServiceKeys))
        {
            if (entry == "baseUrl")
            {
                baseUrlNode = value;
            }
            else
            {
                responsesNode = value;
            }
        }

        if (baseUrlNode is null)
        {
            Report(ServiceDiagnostics.MissingKey, key, $"Service '{name}'", "baseUrl");
            return null;
        }

        var baseUrl = ReadBaseUrl(baseUrlNode);
        var rules = responsesNode is null ? [] : ReadRules(name, responsesNode);
        if (baseUrl is null)
        {
            return null;
        }

        if (responsesNode is null or YamlSequenceNode { Children.Count: 0 })
        {
            Report(ServiceDiagnostics.NoResponses, key, name);
        }

        return new ServiceDefinition(name, baseUrl, rules, YamlText.Locate(file, key.Start));
    }

    private Uri? ReadBaseUrl(YamlNode node)
    {
        var text = (node as YamlScalarNode)?.Value ?? "";
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Query.Length == 0 && uri.Fragment.Length == 0)
        {
            return uri;
        }

        Report(ServiceDiagnostics.InvalidBaseUrl, node, text);
        return null;
    }

    private IReadOnlyList<CannedRule> ReadRules(string service, YamlNode node)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Report(ServiceDiagnostics.WrongShape, node, $"'responses' of service '{service}'", "a list of responses");
            return [];
        }

        var rules = new List<CannedRule>();
        foreach (var item in sequence.Children)
        {
            if (new CannedRuleReader(this, item).Read(service) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return rules;
    }

    /// <summary>The entries of a map whose keys are all known; each unknown key is reported and skipped.</summary>
    internal IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode map, string owner, string[] knownKeys)
    {
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name is not null && knownKeys.Contains(name, StringComparer.Ordinal))
            {
                yield return (name, value);
            }
            else
            {
                Report(ServiceDiagnostics.UnknownKey, key, name ?? key.ToString(), owner, string.Join(", ", knownKeys));
            }
        }
    }

    internal int? ReadInteger(YamlNode node, string what, int min, int max)
    {
        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }

        Report(ServiceDiagnostics.WrongShape, node, $"'{what}'", max == int.MaxValue ? $"an integer of at least {min}" : $"an integer from {min} to {max}");
        return null;
    }

    internal double? ReadMilliseconds(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } text } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value >= 0 && value <= TimeSpan.MaxValue.TotalMilliseconds / 2)
        {
            return value;
        }

        Report(ServiceDiagnostics.WrongShape, node, $"'{what}'", "a number of milliseconds, 0 or more");
        return null;
    }

    internal void Report(DiagnosticDescriptor descriptor, YamlNode at, params object?[] args) =>
        _diagnostics.Add(descriptor, YamlText.Locate(file, at.Start), args);

    internal SourceLocation Locate(YamlNode node) => YamlText.Locate(file, node.Start);
}
