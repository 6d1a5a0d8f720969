using System.Reflection;
using System.Runtime.CompilerServices;

namespace VikaIvr.Architecture.Tests;

/// <summary>
/// The SIP stack has no lock that spans it: no type in VikaIvr.Sip hands out a lock object for
/// others to take (a Gate, a SyncRoot); every class guards its own state with a private lock.
/// </summary>
public class SipLockTests
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void No_type_in_VikaIvr_Sip_exposes_a_lock_object()
    {
        var offenders = new List<string>();
        foreach (var type in typeof(VikaIvr.Sip.Core.SipUserAgent).Assembly.GetTypes())
        {
            if (type.IsDefined(typeof(CompilerGeneratedAttribute), false))
            {
                continue;
            }

            foreach (var field in type.GetFields(All))
            {
                if (!field.IsPrivate && !field.IsDefined(typeof(CompilerGeneratedAttribute), false) && IsLockLike(field.FieldType, field.Name))
                {
                    offenders.Add($"{type.FullName}.{field.Name} (field {field.FieldType.Name})");
                }
            }

            foreach (var property in type.GetProperties(All))
            {
                if (property.GetMethod is { IsPrivate: false } && IsLockLike(property.PropertyType, property.Name))
                {
                    offenders.Add($"{type.FullName}.{property.Name} (property {property.PropertyType.Name})");
                }
            }

            foreach (var method in type.GetMethods(All))
            {
                if (!method.IsPrivate && !method.IsSpecialName && !method.IsDefined(typeof(CompilerGeneratedAttribute), false)
                    && IsLockType(method.ReturnType))
                {
                    offenders.Add($"{type.FullName}.{method.Name}() (returns {method.ReturnType.Name})");
                }
            }
        }

        Assert.True(offenders.Count == 0, "lock objects visible outside their class: " + string.Join(", ", offenders));
    }

    [Fact]
    public void The_rule_sees_a_gate_property()
    {
        Assert.True(IsLockLike(typeof(object), "Gate"));
        Assert.True(IsLockLike(typeof(Lock), "Anything"));
        Assert.True(IsLockLike(typeof(string), "SyncRoot"));
        Assert.False(IsLockLike(typeof(string), "CallId"));
    }

    private static bool IsLockType(Type type) => type == typeof(object) || type == typeof(Lock);

    private static bool IsLockLike(Type type, string name) =>
        IsLockType(type) || name.Contains("Gate", StringComparison.Ordinal) || name.Contains("SyncRoot", StringComparison.Ordinal)
        || name is "Lock" or "_lock" or "Sync" or "_sync";
}
