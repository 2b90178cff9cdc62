using ApimAiGateway.Harness.Composition;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.NamedValues;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Repository;
using YamlDotNet.RepresentationModel;
using ApimAiGateway.Harness.Yaml;

namespace ApimAiGateway.Harness.Fragments;

/// <summary>
/// Reads the contract a fragment opens with: YAML in its first comment (see fragments/*.xml).
/// <code>
/// id: token-limits            # the file name
/// section: inbound            # inbound | backend | outbound | on-error
/// summary: one line
/// description: | or notes: |  # optional, longer
/// reads:   { namedValues: [], variables: [], request: [], response: [] }
/// sets:    { variables: [], headers: [], body: [] }
/// returns: [ { status: 429, code: TokenLimitExceeded, when: ... } ]
/// </code>
/// Every problem is a located diagnostic in the fragment file, never an exception.
/// </summary>
public static class FragmentContractReader
{
    /// <summary>A contract is a page of YAML; anything larger is not one, and is refused before it is parsed.</summary>
    public const int MaxContractLength = 64 * 1024;

    /// <summary>Flow collections nested deeper than this are refused: the YAML parser recurses once per level.</summary>
    public const int MaxNesting = 64;

    private static readonly string[] ContractKeys = ["id", "section", "summary", "description", "notes", "reads", "sets", "returns"];
    private static readonly string[] ReadsKeys = ["namedValues", "variables", "request", "response"];
    private static readonly string[] SetsKeys = ["variables", "headers", "body"];
    private static readonly string[] ReturnKeys = ["status", "code", "when"];

    /// <summary>
    /// Whether the fragment at <paramref name="path"/> must carry a contract: the repository's convention for every
    /// fragment in a <c>fragments</c> directory, from which docs/fragments.md is generated.
    /// </summary>
    public static bool IsExpectedFor(string path) =>
        Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) == PolicyLayout.FragmentsDirectory;

    /// <summary>
    /// Reads the contract of the fragment text <paramref name="text"/> from <paramref name="file"/> (whose name is the
    /// fragment's id). The named values the contract reads must be the <c>{{name}}</c> references of the fragment; with
    /// <paramref name="declared"/>, each must also be declared there.
    /// </summary>
    public static FragmentContractReadResult Read(string text, string file, NamedValueSet? declared = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var source = new SourceFile(file, text);
        if (ContractComment.Find(source) is not { Yaml: var yaml } comment)
        {
            return Refused(FragmentContractDiagnostics.MissingContract, SourceLocation.StartOf(file));
        }

        if (Unparsable(yaml) is { } reason)
        {
            return Refused(FragmentContractDiagnostics.MalformedContract, yaml.Start, reason);
        }

        if (YamlText.Load(yaml.Text, out var problem) is not { } stream)
        {
            var at = problem!.Start is { } start ? yaml.LocationAt((int)Math.Clamp(start.Index, 0, yaml.Length)) : yaml.Start;
            return Refused(FragmentContractDiagnostics.MalformedContract, at, problem.Message);
        }

        if (stream.Documents is not [{ RootNode: YamlMappingNode root }, ..])
        {
            return Refused(FragmentContractDiagnostics.MissingContract, yaml.Start);
        }

        var diagnostics = new DiagnosticBag();
        var used = NamedValueReferences.In(text[comment.End..])
            .Select(r => (r.Name, Location: source.LocationOf(comment.End + r.Offset)))
            .DistinctBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var contract = Interpret(root, new ContractYamlReader(yaml, diagnostics), file, new NamedValueUse(declared, used));
        return new FragmentContractReadResult(contract, diagnostics.Items);
    }

    /// <summary>Reads a fragment file; an unreadable file is a located diagnostic.</summary>
    public static FragmentContractReadResult ReadFile(string path, NamedValueSet? declared = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var length = new FileInfo(path).Length;
            return length > PolicyReader.MaxDocumentSize
                ? Refused(ReaderDiagnostics.DocumentTooLarge, SourceLocation.StartOf(path), $"{length} bytes", $"{PolicyReader.MaxDocumentSize} bytes")
                : Read(File.ReadAllText(path), path, declared);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Refused(ReaderDiagnostics.FileUnreadable, SourceLocation.StartOf(path), e.Message);
        }
    }

    private static FragmentContract? Interpret(YamlMappingNode root, ContractYamlReader reader, string file, NamedValueUse namedValues)
    {
        var map = reader.Map(root, "the contract", ContractKeys)!;
        foreach (var key in new[] { "id", "section", "summary" }.Where(k => !map.ContainsKey(k)))
        {
            reader.Report(FragmentContractDiagnostics.MissingKey, root, key);
        }

        if (!map.ContainsKey("reads") && !map.ContainsKey("sets"))
        {
            reader.Report(FragmentContractDiagnostics.NothingReadOrSet, root);
        }

        var id = Id(map, reader, file);
        var section = Section(map, reader);
        var summary = map.TryGetValue("summary", out var summaryNode) ? reader.Text(summaryNode, "'summary'") : null;
        var reads = map.TryGetValue("reads", out var readsNode) ? Reads(readsNode, reader) : FragmentReads.None;
        CheckNamedValues(map.GetValueOrDefault("reads"), reader, namedValues);
        var sets = map.TryGetValue("sets", out var setsNode) ? Sets(setsNode, reader) : FragmentSets.None;
        var returns = reader.Items(map, "returns", "'returns'").Select(item => Return(item, reader)).OfType<FragmentReturn>().ToList();
        var description = string.Join("\n\n", new[] { "description", "notes" }
            .Where(map.ContainsKey)
            .Select(key => reader.Text(map[key], $"'{key}'"))
            .OfType<string>());

        return id is null || section is null || summary is null
            ? null
            : new FragmentContract(id, section, summary, reads, sets, returns, reader.Locate(root))
            {
                Description = description.Length > 0 ? description : null,
            };
    }

    private static string? Id(IReadOnlyDictionary<string, YamlNode> map, ContractYamlReader reader, string file)
    {
        if (!map.TryGetValue("id", out var node) || reader.Text(node, "'id'") is not { } id)
        {
            return null;
        }

        var expected = PolicyLayout.FragmentIdOf(file);
        if (id != expected)
        {
            reader.Report(FragmentContractDiagnostics.IdNotFileName, node, id, expected);
            return null;
        }

        return id;
    }

    private static string? Section(IReadOnlyDictionary<string, YamlNode> map, ContractYamlReader reader)
    {
        if (!map.TryGetValue("section", out var node) || reader.Text(node, "'section'") is not { } section)
        {
            return null;
        }

        if (PolicySectionNames.SectionOf(section) is null)
        {
            reader.Report(FragmentContractDiagnostics.UnknownSection, node, section, string.Join(", ", PolicySectionNames.All.Select(s => s.Name)));
            return null;
        }

        return section;
    }

    private static FragmentReads Reads(YamlNode node, ContractYamlReader reader) =>
        reader.Map(node, "'reads'", ReadsKeys) is { } map
            ? new FragmentReads(
                reader.Texts(map, "namedValues", "'reads.namedValues'"),
                reader.Texts(map, "variables", "'reads.variables'"),
                reader.Texts(map, "request", "'reads.request'"),
                reader.Texts(map, "response", "'reads.response'"))
            : FragmentReads.None;

    /// <summary>
    /// The named values the contract lists must be the ones the fragment uses (the catalog tells API teams to declare
    /// exactly these) and, when the environment's set is known, declared in it.
    /// </summary>
    private static void CheckNamedValues(YamlNode? reads, ContractYamlReader reader, NamedValueUse namedValues)
    {
        var listed = (reads as YamlMappingNode)?.Children.TryGetValue(new YamlScalarNode("namedValues"), out var list) == true && list is YamlSequenceNode items
            ? items.Children.OfType<YamlScalarNode>().Where(i => !string.IsNullOrWhiteSpace(i.Value)).ToList()
            : [];
        var names = new HashSet<string>(listed.Select(i => FragmentContractItem.NameOf(i.Value!)), StringComparer.OrdinalIgnoreCase);
        foreach (var (name, location) in namedValues.Used.Where(u => !names.Contains(u.Name)))
        {
            reader.Diagnostics.Add(FragmentContractDiagnostics.UnlistedNamedValue, location, name);
        }

        var used = new HashSet<string>(namedValues.Used.Select(u => u.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var item in listed)
        {
            var name = FragmentContractItem.NameOf(item.Value!);
            if (!used.Contains(name))
            {
                reader.Report(FragmentContractDiagnostics.UnusedNamedValue, item, name);
            }

            if (namedValues.Declared is { } declared && !declared.TryGet(name, out _))
            {
                reader.Report(FragmentContractDiagnostics.UndeclaredNamedValue, item, name);
            }
        }
    }

    private static FragmentSets Sets(YamlNode node, ContractYamlReader reader) =>
        reader.Map(node, "'sets'", SetsKeys) is { } map
            ? new FragmentSets(
                reader.Texts(map, "variables", "'sets.variables'"),
                reader.Texts(map, "headers", "'sets.headers'"),
                reader.Texts(map, "body", "'sets.body'"))
            : FragmentSets.None;

    private static FragmentReturn? Return(YamlNode node, ContractYamlReader reader)
    {
        if (reader.Map(node, "an entry of 'returns'", ReturnKeys) is not { } map)
        {
            return null;
        }

        if (!map.TryGetValue("status", out var status))
        {
            reader.Report(FragmentContractDiagnostics.MissingKey, node, "returns[].status");
            return null;
        }

        return reader.Text(status, "'returns[].status'") is { } text
            ? new FragmentReturn(
                text,
                map.TryGetValue("code", out var code) ? reader.Text(code, "'returns[].code'") : null,
                map.TryGetValue("when", out var when) ? reader.Text(when, "'returns[].when'") : null)
            : null;
    }

    /// <summary>Why the YAML is refused before parsing (too long, or nested deeper than the parser can safely go).</summary>
    private static string? Unparsable(LocatedText yaml)
    {
        if (yaml.Length > MaxContractLength)
        {
            return $"the contract is {yaml.Length} characters long; the limit is {MaxContractLength}";
        }

        var depth = 0;
        foreach (var c in yaml.Text)
        {
            depth = c is '[' or '{' ? depth + 1 : c is ']' or '}' ? Math.Max(0, depth - 1) : depth;
            if (depth > MaxNesting)
            {
                return $"it nests more than {MaxNesting} levels of [ and {{";
            }
        }

        return null;
    }

    /// <summary>The named values the fragment uses (first use of each) and those the environment declares, if known.</summary>
    private sealed record NamedValueUse(NamedValueSet? Declared, IReadOnlyList<(string Name, SourceLocation Location)> Used);

    private static FragmentContractReadResult Refused(DiagnosticDescriptor descriptor, SourceLocation location, params object?[] args) =>
        new(null, [descriptor.At(location, args)]);
}
