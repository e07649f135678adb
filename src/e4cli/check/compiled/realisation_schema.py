"""realisation.schema.json compiled by fastjsonschema 2.22.3: generated, do not edit.

Regenerate with `python -m e4cli.check.compile_schemas`.
"""
# ruff: noqa
# fmt: off

SCHEMA_DIGEST = 'c75d437a29485b08e880b8f4defd9a6a9b36a6d3bfec41c602e5e14853e1cf32'
VERSION = "2.22.3"
from decimal import Decimal
import re


class JsonSchemaValueException(ValueError):
    """Raised by `validate` on the first value the schema refuses."""

    def __init__(self, message, value=None, name=None, definition=None, rule=None):
        super().__init__(message)
        self.message = message
        self.value = value
        self.name = name
        self.definition = definition
        self.rule = rule


class JsonSchemaValuesException(ValueError):
    """Raised with several errors (fastjsonschema's detailed mode, unused here)."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


REGEX_PATTERNS = {
    '^[A-Za-z0-9][A-Za-z0-9_.-]*$': re.compile('^[A-Za-z0-9][A-Za-z0-9_.-]*\\Z'),
    '^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4}))$': re.compile('^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4}))\\Z'),
    '^https?://': re.compile('^https?://')
}

NoneType = type(None)

def validate(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'title': 'Réalisation professionnelle (realisations/*.yaml)', 'description': 'Une réalisation professionnelle : une ligne du tableau de synthèse.', 'type': 'object', 'additionalProperties': False, 'required': ['intitule', 'cadre'], 'properties': {'id': {'title': 'Identifiant', 'description': "L'identifiant de la réalisation (par défaut le nom du fichier sans extension).", 'type': 'string', 'pattern': '^[A-Za-z0-9][A-Za-z0-9_.-]*$'}, 'intitule': {'title': 'Intitulé', 'description': "L'intitulé court de la réalisation, tel qu'il figure dans le tableau de synthèse.", 'type': 'string', 'minLength': 3, 'maxLength': 300}, 'cadre': {'title': 'Cadre', 'description': 'formation (réalisation en cours de formation) ou stage (en milieu professionnel).', 'enum': ['formation', 'stage']}, 'stage': {'title': 'Stage', 'description': "Pour une réalisation en stage : l'identifiant du stage (stage1, stage2…), qui donne l'année.", 'type': 'string', 'minLength': 1}, 'periode': {'title': 'Période', 'description': 'Les dates de début et de fin de la réalisation.', 'type': 'object', 'additionalProperties': False, 'properties': {'debut': {'title': 'Début', 'description': 'Le premier jour (AAAA-MM-JJ).', 'type': 'string', 'pattern': '^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4}))$'}, 'fin': {'title': 'Fin', 'description': 'Le dernier jour (AAAA-MM-JJ).', 'type': 'string', 'pattern': '^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4}))$'}}}, 'competences': {'title': 'Compétences mobilisées', 'description': "Les compétences du bloc 1 que la réalisation mobilise : code (B1.3), code d'item (B1.3.2), intitulé exact ou alias (projet).", 'type': 'array', 'items': {'type': ['string', 'number'], 'title': 'Compétence', 'description': "Un code de compétence ou d'item, un intitulé ou un alias."}}, 'modalite': {'title': 'Modalité', 'description': 'seul (par défaut) ou equipe ; en équipe, la contribution personnelle est obligatoire.', 'enum': ['seul', 'equipe']}, 'contribution': {'title': 'Contribution personnelle', 'description': 'Pour une réalisation en équipe : ce que le candidat a fait lui-même.', 'type': 'string', 'minLength': 1}, 'description': {'title': 'Description', 'description': 'Une description libre de la réalisation.', 'type': 'string'}, 'technologies': {'title': 'Technologies', 'description': 'Les technologies, outils et environnements mobilisés.', 'type': 'array', 'items': {'type': 'string', 'title': 'Technologie', 'description': 'Un outil, un langage ou un environnement.'}}, 'productions': {'title': 'Documents et productions', 'description': "Les documents et productions associés, listés sous l'intitulé dans le tableau.", 'type': 'array', 'items': {'title': 'Production', 'description': 'Un document (fichier du dossier) ou une production en ligne (url).', 'type': 'object', 'additionalProperties': False, 'required': ['titre'], 'anyOf': [{'required': ['fichier']}, {'required': ['url']}], 'properties': {'titre': {'title': 'Titre', 'description': 'Le titre du document ou de la production.', 'type': 'string', 'minLength': 1, 'maxLength': 300}, 'fichier': {'title': 'Fichier', 'description': 'Le chemin du fichier dans le dossier.', 'type': 'string', 'minLength': 1, 'maxLength': 500}, 'url': {'title': 'Adresse', 'description': "L'adresse http(s) de la production en ligne.", 'type': 'string', 'pattern': '^https?://'}}}}, 'page': {'title': 'Page du portfolio', 'description': 'La page Markdown du portfolio qui présente la réalisation.', 'type': 'string', 'minLength': 1, 'maxLength': 500}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['intitule', 'cadre']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'title': 'Réalisation professionnelle (realisations/*.yaml)', 'description': 'Une réalisation professionnelle : une ligne du tableau de synthèse.', 'type': 'object', 'additionalProperties': False, 'required': ['intitule', 'cadre'], 'properties': {'id': {'title': 'Identifiant', 'description': "L'identifiant de la réalisation (par défaut le nom du fichier sans extension).", 'type': 'string', 'pattern': '^[A-Za-z0-9][A-Za-z0-9_.-]*$'}, 'intitule': {'title': 'Intitulé', 'description': "L'intitulé court de la réalisation, tel qu'il figure dans le tableau de synthèse.", 'type': 'string', 'minLength': 3, 'maxLength': 300}, 'cadre': {'title': 'Cadre', 'description': 'formation (réalisation en cours de formation) ou stage (en milieu professionnel).', 'enum': ['formation', 'stage']}, 'stage': {'title': 'Stage', 'description': "Pour une réalisation en stage : l'identifiant du stage (stage1, stage2…), qui donne l'année.", 'type': 'string', 'minLength': 1}, 'periode': {'title': 'Période', 'description': 'Les dates de début et de fin de la réalisation.', 'type': 'object', 'additionalProperties': False, 'properties': {'debut': {'title': 'Début', 'description': 'Le premier jour (AAAA-MM-JJ).', 'type': 'string', 'pattern': '^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4}))$'}, 'fin': {'title': 'Fin', 'description': 'Le dernier jour (AAAA-MM-JJ).', 'type': 'string', 'pattern': '^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4}))$'}}}, 'competences': {'title': 'Compétences mobilisées', 'description': "Les compétences du bloc 1 que la réalisation mobilise : code (B1.3), code d'item (B1.3.2), intitulé exact ou alias (projet).", 'type': 'array', 'items': {'type': ['string', 'number'], 'title': 'Compétence', 'description': "Un code de compétence ou d'item, un intitulé ou un alias."}}, 'modalite': {'title': 'Modalité', 'description': 'seul (par défaut) ou equipe ; en équipe, la contribution personnelle est obligatoire.', 'enum': ['seul', 'equipe']}, 'contribution': {'title': 'Contribution personnelle', 'description': 'Pour une réalisation en équipe : ce que le candidat a fait lui-même.', 'type': 'string', 'minLength': 1}, 'description': {'title': 'Description', 'description': 'Une description libre de la réalisation.', 'type': 'string'}, 'technologies': {'title': 'Technologies', 'description': 'Les technologies, outils et environnements mobilisés.', 'type': 'array', 'items': {'type': 'string', 'title': 'Technologie', 'description': 'Un outil, un langage ou un environnement.'}}, 'productions': {'title': 'Documents et productions', 'description': "Les documents et productions associés, listés sous l'intitulé dans le tableau.", 'type': 'array', 'items': {'title': 'Production', 'description': 'Un document (fichier du dossier) ou une production en ligne (url).', 'type': 'object', 'additionalProperties': False, 'required': ['titre'], 'anyOf': [{'required': ['fichier']}, {'required': ['url']}], 'properties': {'titre': {'title': 'Titre', 'description': 'Le titre du document ou de la production.', 'type': 'string', 'minLength': 1, 'maxLength': 300}, 'fichier': {'title': 'Fichier', 'description': 'Le chemin du fichier dans le dossier.', 'type': 'string', 'minLength': 1, 'maxLength': 500}, 'url': {'title': 'Adresse', 'description': "L'adresse http(s) de la production en ligne.", 'type': 'string', 'pattern': '^https?://'}}}}, 'page': {'title': 'Page du portfolio', 'description': 'La page Markdown du portfolio qui présente la réalisation.', 'type': 'string', 'minLength': 1, 'maxLength': 500}}}, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            if not isinstance(data__id, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be string", value=data__id, name="" + (name_prefix or "data") + ".id", definition={'title': 'Identifiant', 'description': "L'identifiant de la réalisation (par défaut le nom du fichier sans extension).", 'type': 'string', 'pattern': '^[A-Za-z0-9][A-Za-z0-9_.-]*$'}, rule='type')
            if isinstance(data__id, str):
                if not REGEX_PATTERNS['^[A-Za-z0-9][A-Za-z0-9_.-]*$'].search(data__id):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must match pattern ^[A-Za-z0-9][A-Za-z0-9_.-]*$", value=data__id, name="" + (name_prefix or "data") + ".id", definition={'title': 'Identifiant', 'description': "L'identifiant de la réalisation (par défaut le nom du fichier sans extension).", 'type': 'string', 'pattern': '^[A-Za-z0-9][A-Za-z0-9_.-]*$'}, rule='pattern')
        if "intitule" in data_keys:
            data_keys.remove("intitule")
            data__intitule = data["intitule"]
            if not isinstance(data__intitule, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".intitule must be string", value=data__intitule, name="" + (name_prefix or "data") + ".intitule", definition={'title': 'Intitulé', 'description': "L'intitulé court de la réalisation, tel qu'il figure dans le tableau de synthèse.", 'type': 'string', 'minLength': 3, 'maxLength': 300}, rule='type')
            if isinstance(data__intitule, str):
                data__intitule_len = len(data__intitule)
                if data__intitule_len < 3:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".intitule must be longer than or equal to 3 characters", value=data__intitule, name="" + (name_prefix or "data") + ".intitule", definition={'title': 'Intitulé', 'description': "L'intitulé court de la réalisation, tel qu'il figure dans le tableau de synthèse.", 'type': 'string', 'minLength': 3, 'maxLength': 300}, rule='minLength')
                if data__intitule_len > 300:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".intitule must be shorter than or equal to 300 characters", value=data__intitule, name="" + (name_prefix or "data") + ".intitule", definition={'title': 'Intitulé', 'description': "L'intitulé court de la réalisation, tel qu'il figure dans le tableau de synthèse.", 'type': 'string', 'minLength': 3, 'maxLength': 300}, rule='maxLength')
        if "cadre" in data_keys:
            data_keys.remove("cadre")
            data__cadre = data["cadre"]
            if not (isinstance(data__cadre, str) and data__cadre == 'formation' or isinstance(data__cadre, str) and data__cadre == 'stage'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".cadre must be one of ['formation', 'stage']", value=data__cadre, name="" + (name_prefix or "data") + ".cadre", definition={'title': 'Cadre', 'description': 'formation (réalisation en cours de formation) ou stage (en milieu professionnel).', 'enum': ['formation', 'stage']}, rule='enum')
        if "stage" in data_keys:
            data_keys.remove("stage")
            data__stage = data["stage"]
            if not isinstance(data__stage, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".stage must be string", value=data__stage, name="" + (name_prefix or "data") + ".stage", definition={'title': 'Stage', 'description': "Pour une réalisation en stage : l'identifiant du stage (stage1, stage2…), qui donne l'année.", 'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__stage, str):
                data__stage_len = len(data__stage)
                if data__stage_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".stage must be longer than or equal to 1 characters", value=data__stage, name="" + (name_prefix or "data") + ".stage", definition={'title': 'Stage', 'description': "Pour une réalisation en stage : l'identifiant du stage (stage1, stage2…), qui donne l'année.", 'type': 'string', 'minLength': 1}, rule='minLength')
        if "periode" in data_keys:
            data_keys.remove("periode")
            data__periode = data["periode"]
            if not isinstance(data__periode, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".periode must be object", value=data__periode, name="" + (name_prefix or "data") + ".periode", definition={'title': 'Période', 'description': 'Les dates de début et de fin de la réalisation.', 'type': 'object', 'additionalProperties': False, 'properties': {'debut': {'title': 'Début', 'description': 'Le premier jour (AAAA-MM-JJ).', 'type': 'string', 'pattern': '^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4}))$'}, 'fin': {'title': 'Fin', 'description': 'Le dernier jour (AAAA-MM-JJ).', 'type': 'string', 'pattern': '^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4}))$'}}}, rule='type')
            data__periode_is_dict = isinstance(data__periode, dict)
            if data__periode_is_dict:
                data__periode_keys = set(data__periode.keys())
                if "debut" in data__periode_keys:
                    data__periode_keys.remove("debut")
                    data__periode__debut = data__periode["debut"]
                    if not isinstance(data__periode__debut, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".periode.debut must be string", value=data__periode__debut, name="" + (name_prefix or "data") + ".periode.debut", definition={'title': 'Début', 'description': 'Le premier jour (AAAA-MM-JJ).', 'type': 'string', 'pattern': '^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4}))$'}, rule='type')
                    if isinstance(data__periode__debut, str):
                        if not REGEX_PATTERNS['^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4}))$'].search(data__periode__debut):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".periode.debut must match pattern ^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4}))$", value=data__periode__debut, name="" + (name_prefix or "data") + ".periode.debut", definition={'title': 'Début', 'description': 'Le premier jour (AAAA-MM-JJ).', 'type': 'string', 'pattern': '^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4}))$'}, rule='pattern')
                if "fin" in data__periode_keys:
                    data__periode_keys.remove("fin")
                    data__periode__fin = data__periode["fin"]
                    if not isinstance(data__periode__fin, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".periode.fin must be string", value=data__periode__fin, name="" + (name_prefix or "data") + ".periode.fin", definition={'title': 'Fin', 'description': 'Le dernier jour (AAAA-MM-JJ).', 'type': 'string', 'pattern': '^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4}))$'}, rule='type')
                    if isinstance(data__periode__fin, str):
                        if not REGEX_PATTERNS['^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4}))$'].search(data__periode__fin):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".periode.fin must match pattern ^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4}))$", value=data__periode__fin, name="" + (name_prefix or "data") + ".periode.fin", definition={'title': 'Fin', 'description': 'Le dernier jour (AAAA-MM-JJ).', 'type': 'string', 'pattern': '^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4}))$'}, rule='pattern')
                if data__periode_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".periode must not contain "+str(data__periode_keys)+" properties", value=data__periode, name="" + (name_prefix or "data") + ".periode", definition={'title': 'Période', 'description': 'Les dates de début et de fin de la réalisation.', 'type': 'object', 'additionalProperties': False, 'properties': {'debut': {'title': 'Début', 'description': 'Le premier jour (AAAA-MM-JJ).', 'type': 'string', 'pattern': '^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4}))$'}, 'fin': {'title': 'Fin', 'description': 'Le dernier jour (AAAA-MM-JJ).', 'type': 'string', 'pattern': '^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4}))$'}}}, rule='additionalProperties')
        if "competences" in data_keys:
            data_keys.remove("competences")
            data__competences = data["competences"]
            if not isinstance(data__competences, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".competences must be array", value=data__competences, name="" + (name_prefix or "data") + ".competences", definition={'title': 'Compétences mobilisées', 'description': "Les compétences du bloc 1 que la réalisation mobilise : code (B1.3), code d'item (B1.3.2), intitulé exact ou alias (projet).", 'type': 'array', 'items': {'type': ['string', 'number'], 'title': 'Compétence', 'description': "Un code de compétence ou d'item, un intitulé ou un alias."}}, rule='type')
            data__competences_is_list = isinstance(data__competences, (list, tuple))
            if data__competences_is_list:
                data__competences_len = len(data__competences)
                for data__competences_x, data__competences_item in enumerate(data__competences):
                    if not isinstance(data__competences_item, (str, int, float, Decimal)) or isinstance(data__competences_item, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".competences[{data__competences_x}]".format(**locals()) + " must be string or number", value=data__competences_item, name="" + (name_prefix or "data") + ".competences[{data__competences_x}]".format(**locals()) + "", definition={'type': ['string', 'number'], 'title': 'Compétence', 'description': "Un code de compétence ou d'item, un intitulé ou un alias."}, rule='type')
        if "modalite" in data_keys:
            data_keys.remove("modalite")
            data__modalite = data["modalite"]
            if not (isinstance(data__modalite, str) and data__modalite == 'seul' or isinstance(data__modalite, str) and data__modalite == 'equipe'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".modalite must be one of ['seul', 'equipe']", value=data__modalite, name="" + (name_prefix or "data") + ".modalite", definition={'title': 'Modalité', 'description': 'seul (par défaut) ou equipe ; en équipe, la contribution personnelle est obligatoire.', 'enum': ['seul', 'equipe']}, rule='enum')
        if "contribution" in data_keys:
            data_keys.remove("contribution")
            data__contribution = data["contribution"]
            if not isinstance(data__contribution, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".contribution must be string", value=data__contribution, name="" + (name_prefix or "data") + ".contribution", definition={'title': 'Contribution personnelle', 'description': 'Pour une réalisation en équipe : ce que le candidat a fait lui-même.', 'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__contribution, str):
                data__contribution_len = len(data__contribution)
                if data__contribution_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".contribution must be longer than or equal to 1 characters", value=data__contribution, name="" + (name_prefix or "data") + ".contribution", definition={'title': 'Contribution personnelle', 'description': 'Pour une réalisation en équipe : ce que le candidat a fait lui-même.', 'type': 'string', 'minLength': 1}, rule='minLength')
        if "description" in data_keys:
            data_keys.remove("description")
            data__description = data["description"]
            if not isinstance(data__description, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".description must be string", value=data__description, name="" + (name_prefix or "data") + ".description", definition={'title': 'Description', 'description': 'Une description libre de la réalisation.', 'type': 'string'}, rule='type')
        if "technologies" in data_keys:
            data_keys.remove("technologies")
            data__technologies = data["technologies"]
            if not isinstance(data__technologies, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".technologies must be array", value=data__technologies, name="" + (name_prefix or "data") + ".technologies", definition={'title': 'Technologies', 'description': 'Les technologies, outils et environnements mobilisés.', 'type': 'array', 'items': {'type': 'string', 'title': 'Technologie', 'description': 'Un outil, un langage ou un environnement.'}}, rule='type')
            data__technologies_is_list = isinstance(data__technologies, (list, tuple))
            if data__technologies_is_list:
                data__technologies_len = len(data__technologies)
                for data__technologies_x, data__technologies_item in enumerate(data__technologies):
                    if not isinstance(data__technologies_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".technologies[{data__technologies_x}]".format(**locals()) + " must be string", value=data__technologies_item, name="" + (name_prefix or "data") + ".technologies[{data__technologies_x}]".format(**locals()) + "", definition={'type': 'string', 'title': 'Technologie', 'description': 'Un outil, un langage ou un environnement.'}, rule='type')
        if "productions" in data_keys:
            data_keys.remove("productions")
            data__productions = data["productions"]
            if not isinstance(data__productions, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".productions must be array", value=data__productions, name="" + (name_prefix or "data") + ".productions", definition={'title': 'Documents et productions', 'description': "Les documents et productions associés, listés sous l'intitulé dans le tableau.", 'type': 'array', 'items': {'title': 'Production', 'description': 'Un document (fichier du dossier) ou une production en ligne (url).', 'type': 'object', 'additionalProperties': False, 'required': ['titre'], 'anyOf': [{'required': ['fichier']}, {'required': ['url']}], 'properties': {'titre': {'title': 'Titre', 'description': 'Le titre du document ou de la production.', 'type': 'string', 'minLength': 1, 'maxLength': 300}, 'fichier': {'title': 'Fichier', 'description': 'Le chemin du fichier dans le dossier.', 'type': 'string', 'minLength': 1, 'maxLength': 500}, 'url': {'title': 'Adresse', 'description': "L'adresse http(s) de la production en ligne.", 'type': 'string', 'pattern': '^https?://'}}}}, rule='type')
            data__productions_is_list = isinstance(data__productions, (list, tuple))
            if data__productions_is_list:
                data__productions_len = len(data__productions)
                for data__productions_x, data__productions_item in enumerate(data__productions):
                    if not isinstance(data__productions_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".productions[{data__productions_x}]".format(**locals()) + " must be object", value=data__productions_item, name="" + (name_prefix or "data") + ".productions[{data__productions_x}]".format(**locals()) + "", definition={'title': 'Production', 'description': 'Un document (fichier du dossier) ou une production en ligne (url).', 'type': 'object', 'additionalProperties': False, 'required': ['titre'], 'anyOf': [{'required': ['fichier']}, {'required': ['url']}], 'properties': {'titre': {'title': 'Titre', 'description': 'Le titre du document ou de la production.', 'type': 'string', 'minLength': 1, 'maxLength': 300}, 'fichier': {'title': 'Fichier', 'description': 'Le chemin du fichier dans le dossier.', 'type': 'string', 'minLength': 1, 'maxLength': 500}, 'url': {'title': 'Adresse', 'description': "L'adresse http(s) de la production en ligne.", 'type': 'string', 'pattern': '^https?://'}}}, rule='type')
                    data__productions_item_any_of_count1 = 0
                    if not data__productions_item_any_of_count1:
                        try:
                            data__productions_item_is_dict = isinstance(data__productions_item, dict)
                            if data__productions_item_is_dict:
                                data__productions_item__missing_keys = set(['fichier']) - data__productions_item.keys()
                                if data__productions_item__missing_keys:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".productions[{data__productions_x}]".format(**locals()) + " must contain " + (str(sorted(data__productions_item__missing_keys)) + " properties"), value=data__productions_item, name="" + (name_prefix or "data") + ".productions[{data__productions_x}]".format(**locals()) + "", definition={'required': ['fichier']}, rule='required')
                            data__productions_item_any_of_count1 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if not data__productions_item_any_of_count1:
                        try:
                            data__productions_item_is_dict = isinstance(data__productions_item, dict)
                            if data__productions_item_is_dict:
                                data__productions_item__missing_keys = set(['url']) - data__productions_item.keys()
                                if data__productions_item__missing_keys:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".productions[{data__productions_x}]".format(**locals()) + " must contain " + (str(sorted(data__productions_item__missing_keys)) + " properties"), value=data__productions_item, name="" + (name_prefix or "data") + ".productions[{data__productions_x}]".format(**locals()) + "", definition={'required': ['url']}, rule='required')
                            data__productions_item_any_of_count1 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if not data__productions_item_any_of_count1:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".productions[{data__productions_x}]".format(**locals()) + " cannot be validated by any definition", value=data__productions_item, name="" + (name_prefix or "data") + ".productions[{data__productions_x}]".format(**locals()) + "", definition={'title': 'Production', 'description': 'Un document (fichier du dossier) ou une production en ligne (url).', 'type': 'object', 'additionalProperties': False, 'required': ['titre'], 'anyOf': [{'required': ['fichier']}, {'required': ['url']}], 'properties': {'titre': {'title': 'Titre', 'description': 'Le titre du document ou de la production.', 'type': 'string', 'minLength': 1, 'maxLength': 300}, 'fichier': {'title': 'Fichier', 'description': 'Le chemin du fichier dans le dossier.', 'type': 'string', 'minLength': 1, 'maxLength': 500}, 'url': {'title': 'Adresse', 'description': "L'adresse http(s) de la production en ligne.", 'type': 'string', 'pattern': '^https?://'}}}, rule='anyOf')
                    data__productions_item_is_dict = isinstance(data__productions_item, dict)
                    if data__productions_item_is_dict:
                        data__productions_item__missing_keys = set(['titre']) - data__productions_item.keys()
                        if data__productions_item__missing_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".productions[{data__productions_x}]".format(**locals()) + " must contain " + (str(sorted(data__productions_item__missing_keys)) + " properties"), value=data__productions_item, name="" + (name_prefix or "data") + ".productions[{data__productions_x}]".format(**locals()) + "", definition={'title': 'Production', 'description': 'Un document (fichier du dossier) ou une production en ligne (url).', 'type': 'object', 'additionalProperties': False, 'required': ['titre'], 'anyOf': [{'required': ['fichier']}, {'required': ['url']}], 'properties': {'titre': {'title': 'Titre', 'description': 'Le titre du document ou de la production.', 'type': 'string', 'minLength': 1, 'maxLength': 300}, 'fichier': {'title': 'Fichier', 'description': 'Le chemin du fichier dans le dossier.', 'type': 'string', 'minLength': 1, 'maxLength': 500}, 'url': {'title': 'Adresse', 'description': "L'adresse http(s) de la production en ligne.", 'type': 'string', 'pattern': '^https?://'}}}, rule='required')
                        data__productions_item_keys = set(data__productions_item.keys())
                        if "titre" in data__productions_item_keys:
                            data__productions_item_keys.remove("titre")
                            data__productions_item__titre = data__productions_item["titre"]
                            if not isinstance(data__productions_item__titre, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".productions[{data__productions_x}].titre".format(**locals()) + " must be string", value=data__productions_item__titre, name="" + (name_prefix or "data") + ".productions[{data__productions_x}].titre".format(**locals()) + "", definition={'title': 'Titre', 'description': 'Le titre du document ou de la production.', 'type': 'string', 'minLength': 1, 'maxLength': 300}, rule='type')
                            if isinstance(data__productions_item__titre, str):
                                data__productions_item__titre_len = len(data__productions_item__titre)
                                if data__productions_item__titre_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".productions[{data__productions_x}].titre".format(**locals()) + " must be longer than or equal to 1 characters", value=data__productions_item__titre, name="" + (name_prefix or "data") + ".productions[{data__productions_x}].titre".format(**locals()) + "", definition={'title': 'Titre', 'description': 'Le titre du document ou de la production.', 'type': 'string', 'minLength': 1, 'maxLength': 300}, rule='minLength')
                                if data__productions_item__titre_len > 300:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".productions[{data__productions_x}].titre".format(**locals()) + " must be shorter than or equal to 300 characters", value=data__productions_item__titre, name="" + (name_prefix or "data") + ".productions[{data__productions_x}].titre".format(**locals()) + "", definition={'title': 'Titre', 'description': 'Le titre du document ou de la production.', 'type': 'string', 'minLength': 1, 'maxLength': 300}, rule='maxLength')
                        if "fichier" in data__productions_item_keys:
                            data__productions_item_keys.remove("fichier")
                            data__productions_item__fichier = data__productions_item["fichier"]
                            if not isinstance(data__productions_item__fichier, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".productions[{data__productions_x}].fichier".format(**locals()) + " must be string", value=data__productions_item__fichier, name="" + (name_prefix or "data") + ".productions[{data__productions_x}].fichier".format(**locals()) + "", definition={'title': 'Fichier', 'description': 'Le chemin du fichier dans le dossier.', 'type': 'string', 'minLength': 1, 'maxLength': 500}, rule='type')
                            if isinstance(data__productions_item__fichier, str):
                                data__productions_item__fichier_len = len(data__productions_item__fichier)
                                if data__productions_item__fichier_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".productions[{data__productions_x}].fichier".format(**locals()) + " must be longer than or equal to 1 characters", value=data__productions_item__fichier, name="" + (name_prefix or "data") + ".productions[{data__productions_x}].fichier".format(**locals()) + "", definition={'title': 'Fichier', 'description': 'Le chemin du fichier dans le dossier.', 'type': 'string', 'minLength': 1, 'maxLength': 500}, rule='minLength')
                                if data__productions_item__fichier_len > 500:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".productions[{data__productions_x}].fichier".format(**locals()) + " must be shorter than or equal to 500 characters", value=data__productions_item__fichier, name="" + (name_prefix or "data") + ".productions[{data__productions_x}].fichier".format(**locals()) + "", definition={'title': 'Fichier', 'description': 'Le chemin du fichier dans le dossier.', 'type': 'string', 'minLength': 1, 'maxLength': 500}, rule='maxLength')
                        if "url" in data__productions_item_keys:
                            data__productions_item_keys.remove("url")
                            data__productions_item__url = data__productions_item["url"]
                            if not isinstance(data__productions_item__url, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".productions[{data__productions_x}].url".format(**locals()) + " must be string", value=data__productions_item__url, name="" + (name_prefix or "data") + ".productions[{data__productions_x}].url".format(**locals()) + "", definition={'title': 'Adresse', 'description': "L'adresse http(s) de la production en ligne.", 'type': 'string', 'pattern': '^https?://'}, rule='type')
                            if isinstance(data__productions_item__url, str):
                                if not REGEX_PATTERNS['^https?://'].search(data__productions_item__url):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".productions[{data__productions_x}].url".format(**locals()) + " must match pattern ^https?://", value=data__productions_item__url, name="" + (name_prefix or "data") + ".productions[{data__productions_x}].url".format(**locals()) + "", definition={'title': 'Adresse', 'description': "L'adresse http(s) de la production en ligne.", 'type': 'string', 'pattern': '^https?://'}, rule='pattern')
                        if data__productions_item_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".productions[{data__productions_x}]".format(**locals()) + " must not contain "+str(data__productions_item_keys)+" properties", value=data__productions_item, name="" + (name_prefix or "data") + ".productions[{data__productions_x}]".format(**locals()) + "", definition={'title': 'Production', 'description': 'Un document (fichier du dossier) ou une production en ligne (url).', 'type': 'object', 'additionalProperties': False, 'required': ['titre'], 'anyOf': [{'required': ['fichier']}, {'required': ['url']}], 'properties': {'titre': {'title': 'Titre', 'description': 'Le titre du document ou de la production.', 'type': 'string', 'minLength': 1, 'maxLength': 300}, 'fichier': {'title': 'Fichier', 'description': 'Le chemin du fichier dans le dossier.', 'type': 'string', 'minLength': 1, 'maxLength': 500}, 'url': {'title': 'Adresse', 'description': "L'adresse http(s) de la production en ligne.", 'type': 'string', 'pattern': '^https?://'}}}, rule='additionalProperties')
        if "page" in data_keys:
            data_keys.remove("page")
            data__page = data["page"]
            if not isinstance(data__page, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".page must be string", value=data__page, name="" + (name_prefix or "data") + ".page", definition={'title': 'Page du portfolio', 'description': 'La page Markdown du portfolio qui présente la réalisation.', 'type': 'string', 'minLength': 1, 'maxLength': 500}, rule='type')
            if isinstance(data__page, str):
                data__page_len = len(data__page)
                if data__page_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".page must be longer than or equal to 1 characters", value=data__page, name="" + (name_prefix or "data") + ".page", definition={'title': 'Page du portfolio', 'description': 'La page Markdown du portfolio qui présente la réalisation.', 'type': 'string', 'minLength': 1, 'maxLength': 500}, rule='minLength')
                if data__page_len > 500:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".page must be shorter than or equal to 500 characters", value=data__page, name="" + (name_prefix or "data") + ".page", definition={'title': 'Page du portfolio', 'description': 'La page Markdown du portfolio qui présente la réalisation.', 'type': 'string', 'minLength': 1, 'maxLength': 500}, rule='maxLength')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'title': 'Réalisation professionnelle (realisations/*.yaml)', 'description': 'Une réalisation professionnelle : une ligne du tableau de synthèse.', 'type': 'object', 'additionalProperties': False, 'required': ['intitule', 'cadre'], 'properties': {'id': {'title': 'Identifiant', 'description': "L'identifiant de la réalisation (par défaut le nom du fichier sans extension).", 'type': 'string', 'pattern': '^[A-Za-z0-9][A-Za-z0-9_.-]*$'}, 'intitule': {'title': 'Intitulé', 'description': "L'intitulé court de la réalisation, tel qu'il figure dans le tableau de synthèse.", 'type': 'string', 'minLength': 3, 'maxLength': 300}, 'cadre': {'title': 'Cadre', 'description': 'formation (réalisation en cours de formation) ou stage (en milieu professionnel).', 'enum': ['formation', 'stage']}, 'stage': {'title': 'Stage', 'description': "Pour une réalisation en stage : l'identifiant du stage (stage1, stage2…), qui donne l'année.", 'type': 'string', 'minLength': 1}, 'periode': {'title': 'Période', 'description': 'Les dates de début et de fin de la réalisation.', 'type': 'object', 'additionalProperties': False, 'properties': {'debut': {'title': 'Début', 'description': 'Le premier jour (AAAA-MM-JJ).', 'type': 'string', 'pattern': '^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4}))$'}, 'fin': {'title': 'Fin', 'description': 'Le dernier jour (AAAA-MM-JJ).', 'type': 'string', 'pattern': '^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4}))$'}}}, 'competences': {'title': 'Compétences mobilisées', 'description': "Les compétences du bloc 1 que la réalisation mobilise : code (B1.3), code d'item (B1.3.2), intitulé exact ou alias (projet).", 'type': 'array', 'items': {'type': ['string', 'number'], 'title': 'Compétence', 'description': "Un code de compétence ou d'item, un intitulé ou un alias."}}, 'modalite': {'title': 'Modalité', 'description': 'seul (par défaut) ou equipe ; en équipe, la contribution personnelle est obligatoire.', 'enum': ['seul', 'equipe']}, 'contribution': {'title': 'Contribution personnelle', 'description': 'Pour une réalisation en équipe : ce que le candidat a fait lui-même.', 'type': 'string', 'minLength': 1}, 'description': {'title': 'Description', 'description': 'Une description libre de la réalisation.', 'type': 'string'}, 'technologies': {'title': 'Technologies', 'description': 'Les technologies, outils et environnements mobilisés.', 'type': 'array', 'items': {'type': 'string', 'title': 'Technologie', 'description': 'Un outil, un langage ou un environnement.'}}, 'productions': {'title': 'Documents et productions', 'description': "Les documents et productions associés, listés sous l'intitulé dans le tableau.", 'type': 'array', 'items': {'title': 'Production', 'description': 'Un document (fichier du dossier) ou une production en ligne (url).', 'type': 'object', 'additionalProperties': False, 'required': ['titre'], 'anyOf': [{'required': ['fichier']}, {'required': ['url']}], 'properties': {'titre': {'title': 'Titre', 'description': 'Le titre du document ou de la production.', 'type': 'string', 'minLength': 1, 'maxLength': 300}, 'fichier': {'title': 'Fichier', 'description': 'Le chemin du fichier dans le dossier.', 'type': 'string', 'minLength': 1, 'maxLength': 500}, 'url': {'title': 'Adresse', 'description': "L'adresse http(s) de la production en ligne.", 'type': 'string', 'pattern': '^https?://'}}}}, 'page': {'title': 'Page du portfolio', 'description': 'La page Markdown du portfolio qui présente la réalisation.', 'type': 'string', 'minLength': 1, 'maxLength': 500}}}, rule='additionalProperties')
    return data