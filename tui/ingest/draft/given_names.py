"""Given names that, in US news, almost always belong to a woman or to a man.

Only a tie-breaker for "he" and "she": a person the article itself marks (Mr./Ms., a -woman title, "his wife,
…", a he/she after them) keeps that mark; a name here only rules a person out for the other pronoun, and a name
used by both (Alex, Jordan, Guadalupe, …) is in neither list. It never gives anyone a name.
"""

from __future__ import annotations

FEMALE = frozenset(
    """
    Abigail Adriana Alejandra Alexandra Alicia Alison Allison Alma Amanda Amber Amelia Amy Ana Andrea Angela
    Angelica Anita Ann Anna Anne Annette Antonia April Araceli Ashley Audrey Barbara Beatriz Becky Belinda Beth
    Betsy Betty Beverly Blanca Brenda Brianna Brittany Brooke Camila Carla Carmen Carol Carolina Caroline Carolyn
    Catherine Cecilia Celia Charlotte Cheryl Christina Christine Cindy Claire Clara Claudia Colleen Connie
    Consuelo Courtney Cristina Crystal Cynthia Daisy Daniela Danielle Deborah Debra Denise Diana Diane
    Dolores Donna Doris Dorothy Elaine Elena Elizabeth Ella Ellen Elsa Emily Emma Erica Erika Esperanza
    Estela Esther Eva Evelyn Fatima Gabriela Gabriella Gina Gloria Grace Graciela Gwen Hannah Heather Helen
    Holly Irene Iris Isabel Isabella Jacqueline Jane Janet Janice Jasmine Jennifer Jessica Jill Joan
    Joanna Josefina Joyce Juana Judith Judy Julia Juliana Julie Karen Karina Karla Katherine Kathleen Kathryn
    Kathy Katie Kayla Kimberly Kristen Laura Lauren Leila Leticia Lidia Liliana Linda Lisa Lorena Lori
    Lucia Lucía Luisa Luz Lydia Madison Magdalena Margaret Maria María Mariana Maribel Marisol Marlene
    Marta Martha Mary Maya Megan Melissa Mercedes Michelle Miriam Mónica Monica Nadia Nancy Natalia Natalie
    Nicole Norma Olga Olivia Paola Patricia Paula Pamela Priya Rachel Raquel Rebecca Renee Renée Rita Roberta
    Rosa Rosario Rose Rosemary Ruth Sabrina Samantha Sandra Sara Sarah Sharon Shirley Silvia Sofia Sofía Sonia
    Sophia Stephanie Susan Susana Sylvia Tamara Teresa Theresa Tiffany Valentina Valeria Vanessa Verónica
    Veronica Victoria Virginia Wendy Xóchitl Yesenia Yolanda Zoe
    """.split()
)
MALE = frozenset(
    """
    Aaron Abdul Adam Adrian Adolfo Agustín Ahmed Alan Albert Alberto Alejandro Alfonso Alfredo Ali Andrew
    Andrés Angel Ángel Anthony Antonio Armando Arnold Arturo Barry Ben Benjamin Bill Billy Bob Bobby Brad
    Brandon Brian Bruce Bryan Carl Carlos Cesar César Charles Chris Christopher Chuck Clarence Craig Dale Dan
    Daniel Danny Darren Dave David Dennis Diego Donald Doug Douglas Duane Dustin Eddie Eduardo Edward Edwin
    Efrain Emilio Enrique Eric Erik Ernesto Esteban Eugene Fernando Francisco Frank Gabriel Gary Gerald
    Gerardo Gilberto Glenn Gonzalo Greg Gregory Guillermo Gustavo Harold Harry Hector Héctor Henry Hugo
    Ignacio Isaac Ivan Iván Jack Jacob James Jason Javier Jeff Jeffrey Jeremy Jerry Jesse Jesús Jim Jimmy Joe
    Joel John Johnny Jon Jonathan Jorge José Jose Joseph Joshua Juan Julian Julio Justin Keith Ken Kenneth
    Kevin Kyle Larry Lawrence Leonardo Leo Louis Luis Manuel Marco Marcos Marcus Mario Mark Martin Martín
    Mateo Matthew Mauricio Michael Miguel Mike Mohamed Mohammed Muhammad Nathan Nicholas Nick Omar Oscar
    Óscar Pablo Patrick Paul Pedro Peter Phil Philip Rafael Ramiro Ramón Ramon Randy Ray Raymond Raúl Raul
    Ricardo Richard Rick Robert Roberto Rodolfo Rodrigo Roger Ron Ronald Roy Rubén Ruben Russell Ryan Salvador
    Sam Samuel Santiago Scott Sean Sergio Shawn Stephen Steve Steven Ted Terry Thomas Tim Timothy Todd Tom
    Tomás Tony Travis Troy Tyler Victor Víctor Vincent Walter Wayne William Willie Zachary
    """.split()
)


def gender_of(name: str) -> str | None:
    """'f' or 'm' from a person's first given name, or None when the name does not say."""
    words = [w.strip(".,") for w in name.split()]
    words = [w for w in words if len(w) > 1 and not w.endswith(".")]  # "J. David Donahue": the given name is David
    if not words:
        return None
    first = words[0]
    if first in FEMALE and first not in MALE:
        return "f"
    if first in MALE and first not in FEMALE:
        return "m"
    return None
