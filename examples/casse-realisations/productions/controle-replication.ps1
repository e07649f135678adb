# Contrôle de la réplication entre les contrôleurs de domaine après la migration
# Projet d'équipe BTS SIO SISR — décembre 2026
Import-Module ActiveDirectory
Get-ADReplicationPartnerMetadata -Target (Get-ADDomainController -Filter *).Name |
    Select-Object Server, Partner, LastReplicationSuccess, LastReplicationResult |
    Format-Table -AutoSize
repadmin /replsummary
