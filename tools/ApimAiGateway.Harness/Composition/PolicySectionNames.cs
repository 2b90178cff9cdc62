using ApimAiGateway.Harness.Policies;

namespace ApimAiGateway.Harness.Composition;

/// <summary>The four section elements of a policy document and the flags the catalog uses for them.</summary>
public static class PolicySectionNames
{
    public static readonly IReadOnlyList<(string Name, PolicySections Section)> All =
    [
        ("inbound", PolicySections.Inbound),
        ("backend", PolicySections.Backend),
        ("outbound", PolicySections.Outbound),
        ("on-error", PolicySections.OnError),
    ];

    public static PolicySections? SectionOf(string elementName)
    {
        foreach (var (name, section) in All)
        {
            if (name == elementName)
            {
                return section;
            }
        }

        return null;
    }

    public static string NameOf(PolicySections section) => All.First(s => s.Section == section).Name;
}
